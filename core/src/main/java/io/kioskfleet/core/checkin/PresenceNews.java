package io.kioskfleet.core.checkin;

import io.kioskfleet.protocol.checkin.Inventory;
import java.util.Objects;

/**
 * What makes a check-in news, as a hash: a device's presence is written at once when its news
 * changed, and otherwise only now and then (see {@link PresenceWriter}).
 *
 * <p>News is where the device is and what it does and holds: the source address, activity, policy
 * ETag and inventory's model, versions, own address and desk. Free disk space and battery
 * change at nearly every check-in, so they are not news; they are written with the device's next
 * periodic write. Two different check-ins may share a hash (about one in four billion); such a
 * change then waits for that periodic write, no longer.
 */
final class PresenceNews {

    private PresenceNews() {
    }

    /** The hash of {@code presence}'s news. */
    static int hashOf(DevicePresence presence) {
        Inventory inventory = presence.inventory();
        int inventoryHash = inventory == null ? 0 : Objects.hash(inventory.model(), inventory.osVersion(),
            inventory.agentVersion(), inventory.ipAddress(), inventory.currentDesk());
        return Objects.hash(presence.sourceAddress(), presence.activity() == null ? null : presence.activity().name(),
            presence.policyEtag(), inventoryHash);
    }
}
