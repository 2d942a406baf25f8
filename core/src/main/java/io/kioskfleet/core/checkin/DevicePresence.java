package io.kioskfleet.core.checkin;

import io.kioskfleet.protocol.checkin.DeviceActivity;
import io.kioskfleet.protocol.checkin.Inventory;
import java.time.Instant;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * What a device told at its last check-in: when, from where, what it was doing, its inventory
 * and the policy it holds; and, kept bounded, how many check-ins it made in all and when its
 * last few were. Kept apart from the device's record (which admins change, with versions and
 * audit), because check-ins arrive all day and are written in bulk.
 *
 * @param deviceId       {@code dev_…}
 * @param lastSeenAt     when it last checked in
 * @param sourceAddress  the address its request came from
 * @param activity       what it was doing
 * @param inventory      what it reported about itself
 * @param policyEtag     the ETag of the policy it held
 * @param checkIns       how many check-ins were stored for it (0 in documents written before this was counted)
 * @param recentCheckIns when its last {@value #RECENT} check-ins were, oldest first
 */
public record DevicePresence(@BsonId String deviceId, Instant lastSeenAt, String sourceAddress, DeviceActivity activity,
                             Inventory inventory, String policyEtag, Long checkIns, List<Instant> recentCheckIns) {

    /** How many check-in times a device's presence keeps. */
    public static final int RECENT = 10;

    public DevicePresence {
        checkIns = checkIns == null ? 0L : checkIns;
        recentCheckIns = recentCheckIns == null ? List.of() : List.copyOf(recentCheckIns);
    }

    /** One check-in as it arrives, before it is counted. */
    public DevicePresence(String deviceId, Instant lastSeenAt, String sourceAddress, DeviceActivity activity,
                          Inventory inventory, String policyEtag) {
        this(deviceId, lastSeenAt, sourceAddress, activity, inventory, policyEtag, 0L, List.of());
    }
}
