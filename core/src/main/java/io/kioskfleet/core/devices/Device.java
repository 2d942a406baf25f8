package io.kioskfleet.core.devices;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * A shared laptop or kiosk terminal the fleet manages, known by its serial number from the
 * moment IT pre-registers it.
 *
 * @param id            {@code dev_…}
 * @param serial        the manufacturer's serial number, upper case, unique in the fleet
 * @param ouId          the organisation unit it belongs to
 * @param status        where it is in its life
 * @param model         the hardware model, if known
 * @param assetTag      the organisation's own inventory label, if any
 * @param tags          free labels for grouping and targeting
 * @param notes         free text for IT staff
 * @param registeredAt  when it was pre-registered
 * @param updatedAt     when its record last changed
 * @param retiredAt     when it was retired, or null
 * @param retiredReason why it was retired, or null
 * @param lastSeenAt    when it last checked in, or null
 * @param version       optimistic concurrency version, starting at 1
 */
public record Device(
    @BsonId String id,
    String serial,
    String ouId,
    DeviceStatus status,
    String model,
    String assetTag,
    List<String> tags,
    String notes,
    Instant registeredAt,
    Instant updatedAt,
    Instant retiredAt,
    String retiredReason,
    Instant lastSeenAt,
    long version) {

    public Device {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(ouId, "ouId");
        Objects.requireNonNull(status, "status");
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** This device retired at {@code now} for {@code reason}, as the change after {@code fromVersion}. */
    Device retired(Instant now, String reason, long fromVersion) {
        return new Device(id, serial, ouId, DeviceStatus.RETIRED, model, assetTag, tags, notes, registeredAt, now,
            now, reason, lastSeenAt, fromVersion + 1);
    }
}
