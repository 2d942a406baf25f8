package io.kioskfleet.core.evidence;

/** What the evidence says about one session's wipe, checked again when the report is made. */
public enum SessionVerdict {
    /** A signed attestation that verifies, is consistent with the session and says the wipe was clean, in time. */
    VERIFIED(true, false),
    /** Verified, but the wipe finished later after the session ended than the report allows. */
    LATE(true, false),
    /** The session has not ended (yet): nothing to wipe yet, so nothing to prove. */
    RUNNING(false, false),
    /** The session ended and no attestation was accepted for it. */
    MISSING(false, false),
    /** The device attested honestly that its re-scan found leftovers. */
    WIPE_FAILED(false, true),
    /** The stored attestation's signature does not verify with the device's enrolled key (altered, or a forged key). */
    BAD_SIGNATURE(false, true),
    /** The stored remaining manifest does not hash to the digest the device signed (altered after signing). */
    DIGEST_MISMATCH(false, true),
    /** The stored session disagrees with its signed attestation (device, or a wipe before the session ended). */
    RECORD_MISMATCH(false, true);

    private final boolean verified;
    private final boolean failed;

    SessionVerdict(boolean verified, boolean failed) {
        this.verified = verified;
        this.failed = failed;
    }

    /** True when the wipe is proven (in time or late). */
    public boolean verified() {
        return verified;
    }

    /** True when a proof exists but does not hold, or tells of a failed wipe. */
    public boolean failed() {
        return failed;
    }
}
