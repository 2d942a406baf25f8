package io.kioskfleet.core.checkin;

import io.kioskfleet.protocol.checkin.DeviceActivity;
import io.kioskfleet.protocol.checkin.Inventory;
import java.time.Instant;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * What a device told at its last check-in: when, from where, what it was doing, its inventory
 * and the policy it holds. Kept apart from the device's record (which admins change, with
 * versions and audit), because check-ins arrive all day and are written in bulk.
 *
 * @param deviceId      {@code dev_…}
 * @param lastSeenAt    when it last checked in
 * @param sourceAddress the address its request came from
 * @param activity      what it was doing
 * @param inventory     what it reported about itself
 * @param policyEtag    the ETag of the policy it held
 */
public record DevicePresence(@BsonId String deviceId, Instant lastSeenAt, String sourceAddress, DeviceActivity activity,
                             Inventory inventory, String policyEtag) {
}
