package io.kioskfleet.core.devices;

/**
 * A filter over the device list; every part is optional.
 *
 * @param ouId            only devices of this unit
 * @param includeSubUnits with {@code ouId}: also devices of its sub-units
 * @param status          only devices in this status
 * @param text            only devices whose serial, model, asset tag, tags or notes contain it (ignoring case)
 * @param tag             only devices carrying exactly this tag
 */
public record DeviceQuery(String ouId, boolean includeSubUnits, DeviceStatus status, String text, String tag) {

    public DeviceQuery {
        ouId = ouId == null || ouId.isBlank() ? null : ouId.strip();
        text = text == null || text.isBlank() ? null : text.strip();
        tag = tag == null || tag.isBlank() ? null : tag.strip();
    }

    /** A filter without a tag. */
    public DeviceQuery(String ouId, boolean includeSubUnits, DeviceStatus status, String text) {
        this(ouId, includeSubUnits, status, text, null);
    }

    /** Every device. */
    public static DeviceQuery everything() {
        return new DeviceQuery(null, true, null, null);
    }
}
