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
 * @param lastSeenAt    when it last checked in, or null (check-ins are kept in {@code device_presence})
 * @param publicKey     the Ed25519 public key it enrolled with (base64url), or null before enrollment
 * @param enrolledAt    when it last enrolled, or null
 * @param enrolledWith  the enrollment token it last enrolled with ({@code ent_…}), or null
 * @param reenrollmentAllowedAt when an admin allowed it to enroll again (a re-imaged laptop), or null
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
    String publicKey,
    Instant enrolledAt,
    String enrolledWith,
    Instant reenrollmentAllowedAt,
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
            now, reason, lastSeenAt, publicKey, enrolledAt, enrolledWith, null, fromVersion + 1);
    }

    /** This device with {@code newStatus} (locked as lost, or unlocked), as the change after {@code fromVersion}. */
    Device withStatus(DeviceStatus newStatus, Instant now, long fromVersion) {
        return new Device(id, serial, ouId, newStatus, model, assetTag, tags, notes, registeredAt, now,
            retiredAt, retiredReason, lastSeenAt, publicKey, enrolledAt, enrolledWith, reenrollmentAllowedAt, fromVersion + 1);
    }

    /** What IT staff wrote about this device, as a draft: serial, unit, model, asset tag, tags and notes. */
    DeviceDraft draft() {
        return new DeviceDraft(serial, ouId, model, assetTag, tags, notes);
    }

    /** This device with what {@code edit} changes (its unit, model, asset tag, tags and notes), as the change after {@code fromVersion}. */
    Device edited(DeviceDraft edit, Instant now, long fromVersion) {
        return new Device(id, serial, edit.ouId(), status, edit.model(), edit.assetTag(), edit.tags(), edit.notes(), registeredAt,
            now, retiredAt, retiredReason, lastSeenAt, publicKey, enrolledAt, enrolledWith, reenrollmentAllowedAt, fromVersion + 1);
    }

    /** True when an enrollment may (re)place this device's key: never enrolled, or an admin allowed it again. */
    public boolean mayEnroll() {
        return status == DeviceStatus.PREREGISTERED
            || (reenrollmentAllowedAt != null && status != DeviceStatus.RETIRED);
    }

    /** This device enrolled with {@code key} through token {@code tokenId} at {@code now}. */
    Device enrolled(String key, String tokenId, Instant now) {
        return new Device(id, serial, ouId, DeviceStatus.ENROLLED, model, assetTag, tags, notes, registeredAt, now,
            retiredAt, retiredReason, lastSeenAt, key, now, tokenId, null, version + 1);
    }

    /** This device allowed to enroll again, as the change after {@code fromVersion}. */
    Device reenrollmentAllowed(Instant now, long fromVersion) {
        return new Device(id, serial, ouId, status, model, assetTag, tags, notes, registeredAt, now,
            retiredAt, retiredReason, lastSeenAt, publicKey, enrolledAt, enrolledWith, now, fromVersion + 1);
    }
}
