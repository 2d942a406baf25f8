package io.kioskfleet.core.evidence;

import io.kioskfleet.core.store.Fingerprints;
import java.time.Instant;

/**
 * What each attestation of a period proved, kept in a few primitive arrays (about 30 bytes per
 * attestation, no object per entry) so a month of a large fleet fits in a small heap: the first
 * pass of a report fills it from the attestations, the second looks each session up in it.
 * Sessions are keyed by a 64-bit hash of their id (a collision among a million ids has a chance
 * of about one in ten million, and would show as a record mismatch, never as a false proof).
 */
final class AttestationIndex {

    private static final long EMPTY = 0L;

    private long[] keys = new long[1 << 12];
    private int[] devices = new int[keys.length];
    private byte[] verdicts = new byte[keys.length];
    private long[] wipeStarted = new long[keys.length];
    private long[] wipeFinished = new long[keys.length];
    private int size;

    /** What one attestation proved. */
    record Proof(SessionVerdict verdict, int deviceHash, Instant wipeStartedAt, Instant wipeFinishedAt) {
    }

    void put(String sessionId, String deviceId, SessionVerdict verdict, Instant wipeStartedAt, Instant wipeFinishedAt) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int slot = slotOf(keyOf(sessionId));
        if (keys[slot] == EMPTY) {
            size++;
        }
        keys[slot] = keyOf(sessionId);
        devices[slot] = deviceId.hashCode();
        verdicts[slot] = (byte) verdict.ordinal();
        wipeStarted[slot] = wipeStartedAt.toEpochMilli();
        wipeFinished[slot] = wipeFinishedAt.toEpochMilli();
    }

    /** What the attestation of {@code sessionId} proved, or null when it has none. */
    Proof find(String sessionId) {
        int slot = slotOf(keyOf(sessionId));
        if (keys[slot] == EMPTY) {
            return null;
        }
        return new Proof(SessionVerdict.values()[verdicts[slot]], devices[slot], Instant.ofEpochMilli(wipeStarted[slot]),
            Instant.ofEpochMilli(wipeFinished[slot]));
    }

    int size() {
        return size;
    }

    private int slotOf(long key) {
        int mask = keys.length - 1;
        int slot = (int) (key ^ (key >>> 32)) & mask;
        while (keys[slot] != EMPTY && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldDevices = devices;
        byte[] oldVerdicts = verdicts;
        long[] oldStarted = wipeStarted;
        long[] oldFinished = wipeFinished;
        keys = new long[oldKeys.length * 2];
        devices = new int[keys.length];
        verdicts = new byte[keys.length];
        wipeStarted = new long[keys.length];
        wipeFinished = new long[keys.length];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = slotOf(oldKeys[i]);
                keys[slot] = oldKeys[i];
                devices[slot] = oldDevices[i];
                verdicts[slot] = oldVerdicts[i];
                wipeStarted[slot] = oldStarted[i];
                wipeFinished[slot] = oldFinished[i];
            }
        }
    }

    /** The id's fingerprint ({@link Fingerprints}): close ids spread, and it is never {@link #EMPTY}. */
    static long keyOf(String sessionId) {
        return Fingerprints.of(sessionId);
    }

    @Override
    public String toString() {
        return "AttestationIndex[size=" + size + ", capacity=" + keys.length + "]";
    }

}
