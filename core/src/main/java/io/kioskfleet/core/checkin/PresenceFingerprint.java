package io.kioskfleet.core.checkin;

import io.kioskfleet.protocol.checkin.Inventory;
import java.util.Objects;

/**
 * What was last written of a device's presence, reduced to a hash of what makes a check-in news,
 * and when it was written: 16 bytes a device instead of the whole check-in, because one is kept
 * for every device of the fleet.
 *
 * <p>News is where the device is and what it does and holds: the source address, activity, policy
 * ETag and inventory's model, versions, own address and desk. Free disk space and battery
 * change at nearly every check-in, so they are not news; they are written with the device's next
 * periodic write. Two different check-ins may share a hash (about one in four billion); such a
 * change then waits for that periodic write, no longer.
 *
 * @param newsHash        the hash of the check-in's news
 * @param writtenAtMillis when it was written (epoch milliseconds)
 */
record PresenceFingerprint(int newsHash, long writtenAtMillis) {

    static PresenceFingerprint of(DevicePresence presence, long writtenAtMillis) {
        return new PresenceFingerprint(newsHash(presence), writtenAtMillis);
    }

    /** True when {@code presence} tells nothing new against what this fingerprint was taken of. */
    boolean sameAs(DevicePresence presence) {
        return newsHash == newsHash(presence);
    }

    private static int newsHash(DevicePresence presence) {
        Inventory inventory = presence.inventory();
        int inventoryHash = inventory == null ? 0 : Objects.hash(inventory.model(), inventory.osVersion(),
            inventory.agentVersion(), inventory.ipAddress(), inventory.currentDesk());
        return Objects.hash(presence.sourceAddress(), presence.activity() == null ? null : presence.activity().name(),
            presence.policyEtag(), inventoryHash);
    }
}
