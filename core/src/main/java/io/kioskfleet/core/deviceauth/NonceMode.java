package io.kioskfleet.core.deviceauth;

import io.kioskfleet.core.store.FleetStore;

/** How used nonces are kept ({@code kioskfleet.agent.nonces}): see {@link NonceLedger}. */
public enum NonceMode {

    /** Each nonce is stored before its request is admitted: safe with several instances on one MongoDB. */
    PER_REQUEST,

    /** Nonces are kept in memory and written behind in batches: one instance only, as on the embedded store. */
    WRITE_BEHIND;

    /** Write-behind on the embedded store (exactly one process can open it), per-request on MongoDB. */
    public static NonceMode defaultFor(FleetStore store) {
        return store.isEmbedded() ? WRITE_BEHIND : PER_REQUEST;
    }
}
