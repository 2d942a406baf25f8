package io.kioskfleet.core.devices;

import java.util.Set;

/**
 * A filter over the device list; every part is optional.
 *
 * @param ouId            only devices of this unit
 * @param includeSubUnits with {@code ouId}: also devices of its sub-units
 * @param status          only devices in this status
 * @param text            only devices whose serial, model, asset tag, tags or notes contain it (ignoring case)
 * @param tag             only devices carrying exactly this tag
 * @param onlyIds         only these devices (null: any), for filters other features work out, such as last seen
 * @param exceptIds       not these devices (null: none)
 */
public record DeviceQuery(String ouId, boolean includeSubUnits, DeviceStatus status, String text, String tag,
                          Set<String> onlyIds, Set<String> exceptIds) {

    public DeviceQuery {
        ouId = ouId == null || ouId.isBlank() ? null : ouId.strip();
        text = text == null || text.isBlank() ? null : text.strip();
        tag = tag == null || tag.isBlank() ? null : tag.strip();
        onlyIds = onlyIds == null ? null : Set.copyOf(onlyIds);
        exceptIds = exceptIds == null ? null : Set.copyOf(exceptIds);
    }

    /** A filter by unit, status, text and tag. */
    public DeviceQuery(String ouId, boolean includeSubUnits, DeviceStatus status, String text, String tag) {
        this(ouId, includeSubUnits, status, text, tag, null, null);
    }

    /** A filter without a tag. */
    public DeviceQuery(String ouId, boolean includeSubUnits, DeviceStatus status, String text) {
        this(ouId, includeSubUnits, status, text, null);
    }

    /** Every device. */
    public static DeviceQuery everything() {
        return new DeviceQuery(null, true, null, null);
    }

    /** This filter, further limited to the devices {@code ids}. */
    public DeviceQuery onlyDevices(Set<String> ids) {
        return new DeviceQuery(ouId, includeSubUnits, status, text, tag, ids, exceptIds);
    }

    /** This filter, leaving out the devices {@code ids}. */
    public DeviceQuery exceptDevices(Set<String> ids) {
        return new DeviceQuery(ouId, includeSubUnits, status, text, tag, onlyIds, ids);
    }
}
