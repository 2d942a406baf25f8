package io.kioskfleet.core.store;

/**
 * 64-bit fingerprints of strings for the open-addressing tables that keep many keys in memory as
 * {@code long}s (used nonces, a report's attestations): FNV-1a over the characters, then
 * MurmurHash3's 64-bit finaliser so that close keys spread over every bit. Not cryptographic:
 * a table using it must be safe when two keys share a fingerprint.
 */
public final class Fingerprints {

    private Fingerprints() {
    }

    /** The fingerprint of {@code key}; never 0, which the tables use for an empty slot. */
    public static long of(String key) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            hash ^= key.charAt(i);
            hash *= 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        hash ^= hash >>> 33;
        return hash == 0 ? 1 : hash;
    }
}
