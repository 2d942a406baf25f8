package io.kioskfleet.core.directory;

import io.kioskfleet.core.devices.Device;
import io.kioskfleet.core.devices.DeviceStatus;
import java.util.Locale;
import java.util.Map;

/**
 * What the directory keeps of one device: enough to filter and sort the list, nothing it does
 * not filter by. The unit id and tags are shared between entries, and the text filter's fields
 * are kept as one lower-case string, so 100,000 entries stay a few tens of megabytes.
 */
final class Listing {

    /** Separates fields in {@link #text}, so a search never matches across two fields. */
    private static final char FIELD_END = '\u0000';

    final String id;
    final String serial;
    final String ouId;
    final DeviceStatus status;
    final String[] tags;
    /** Serial, model, asset tag, tags and notes, lower case, each followed by {@link #FIELD_END}. */
    final String text;
    /** When the device last checked in, in epoch milliseconds; 0 when it never did. */
    volatile long lastSeenMillis;

    private Listing(String id, String serial, String ouId, DeviceStatus status, String[] tags, String text) {
        this.id = id;
        this.serial = serial;
        this.ouId = ouId;
        this.status = status;
        this.tags = tags;
        this.text = text;
    }

    /** The entry for {@code device}, with strings many devices share taken from {@code shared}. */
    static Listing of(Device device, Map<String, String> shared) {
        String[] tags = device.tags().stream().map(tag -> shared.computeIfAbsent(tag, same -> same)).toArray(String[]::new);
        StringBuilder text = new StringBuilder();
        for (String field : new String[] {device.serial(), device.model(), device.assetTag(), device.notes()}) {
            text.append(field == null ? "" : field.toLowerCase(Locale.ROOT)).append(FIELD_END);
        }
        for (String tag : tags) {
            text.append(tag.toLowerCase(Locale.ROOT)).append(FIELD_END);
        }
        return new Listing(device.id(), device.serial(), shared.computeIfAbsent(device.ouId(), same -> same), device.status(),
            tags, text.toString());
    }

    boolean hasTag(String tag) {
        for (String mine : tags) {
            if (mine.equals(tag)) {
                return true;
            }
        }
        return false;
    }
}
