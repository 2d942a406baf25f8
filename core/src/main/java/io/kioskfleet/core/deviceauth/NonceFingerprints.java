package io.kioskfleet.core.deviceauth;

import io.kioskfleet.core.store.Fingerprints;

/**
 * The nonces used in one ten-minute bucket, held as 64-bit fingerprints of their keys in
 * open-addressing arrays of {@code long}: about 16 bytes a nonce instead of the 150 a set of key
 * strings costs, which at 3,000 check-ins a second (some two million nonces in reach) is the
 * difference between 30 MB and 300 MB of heap.
 *
 * <p>A fingerprint can only err one way: two different keys with the same fingerprint make the
 * second look used, so that request is refused as a replay (the device sends it again with a new
 * nonce). A replay is always refused, since the same key always has the same fingerprint. With
 * two million fingerprints in a bucket a fresh key is refused with a probability of about
 * 10<sup>-13</sup>, and a device cannot aim at another device's keys, which hold that device's
 * id and random nonces.
 *
 * <p>Thread-safe: the fingerprint's top bits choose one of {@value #STRIPES} stripes, each
 * guarded by its own lock, so the request threads rarely wait for each other.
 */
final class NonceFingerprints {

    private static final int STRIPES = 64;
    private static final int STRIPE_BITS = Integer.numberOfTrailingZeros(STRIPES);

    private final Stripe[] stripes = new Stripe[STRIPES];

    NonceFingerprints() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Stripe();
        }
    }

    /** Notes {@code key}; false when it (or a key of the same fingerprint) was noted before. */
    boolean add(String key) {
        long fingerprint = fingerprint(key);
        return stripes[(int) (fingerprint >>> (Long.SIZE - STRIPE_BITS))].add(fingerprint);
    }


    /** Notes a fingerprint read back from the store. */
    void addFingerprint(long fingerprint) {
        stripes[(int) (fingerprint >>> (Long.SIZE - STRIPE_BITS))].add(fingerprint);
    }

    /** How many fingerprints are held. */
    long size() {
        long size = 0;
        for (Stripe stripe : stripes) {
            size += stripe.size();
        }
        return size;
    }

    /** The fingerprint of {@code key} ({@link Fingerprints}); never 0 (an empty slot). */
    static long fingerprint(String key) {
        return Fingerprints.of(key);
    }

    /** One stripe: linear probing in a power-of-two array, grown at 60 % full. */
    private static final class Stripe {

        private long[] slots = new long[256];
        private int size;

        synchronized boolean add(long fingerprint) {
            if (size + 1 > slots.length * 3 / 5) {
                grow();
            }
            return place(slots, fingerprint);
        }

        synchronized int size() {
            return size;
        }

        private boolean place(long[] into, long fingerprint) {
            int mask = into.length - 1;
            for (int slot = (int) fingerprint & mask; ; slot = (slot + 1) & mask) {
                if (into[slot] == fingerprint) {
                    return false;
                }
                if (into[slot] == 0) {
                    into[slot] = fingerprint;
                    if (into == slots) {
                        size++;
                    }
                    return true;
                }
            }
        }

        private void grow() {
            long[] bigger = new long[slots.length * 2];
            for (long fingerprint : slots) {
                if (fingerprint != 0) {
                    place(bigger, fingerprint);
                }
            }
            slots = bigger;
        }
    }
}
