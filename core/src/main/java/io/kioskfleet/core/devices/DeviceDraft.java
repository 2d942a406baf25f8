package io.kioskfleet.core.devices;

import io.kioskfleet.core.input.InputCheck;
import io.kioskfleet.core.input.Rule;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What IT staff write to pre-register one device, typed in or read from a CSV row.
 *
 * @param serial   the serial number (case is ignored; stored upper case)
 * @param ouId     the organisation unit it will belong to
 * @param model    hardware model, optional
 * @param assetTag inventory label, optional
 * @param tags     labels, optional
 * @param notes    free text, optional
 */
public record DeviceDraft(String serial, String ouId, String model, String assetTag, List<String> tags, String notes) {

    private static final Pattern SERIAL = Pattern.compile("[A-Z0-9][A-Z0-9._-]{2,63}");
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_.:-]{0,39}");
    static final int MAX_TAGS = 20;
    static final int MAX_TEXT = 200;
    static final int MAX_NOTES = 2000;

    public DeviceDraft {
        serial = serial == null ? null : serial.strip().toUpperCase(Locale.ROOT);
        ouId = blankToNull(ouId);
        model = blankToNull(model);
        assetTag = blankToNull(assetTag);
        notes = blankToNull(notes);
        tags = tags == null ? List.of() : tags.stream().map(tag -> tag == null ? "" : tag.strip())
            .filter(tag -> !tag.isEmpty()).distinct().toList();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Adds every problem with the fields on their own to {@code check}, each path under {@code prefix}. */
    void check(InputCheck check, String prefix) {
        check.require(serial != null && !serial.isEmpty(), prefix + "serial", Rule.BLANK)
            .require(serial == null || serial.isEmpty() || SERIAL.matcher(serial).matches(), prefix + "serial", Rule.CHARACTERS, 3, 64, "A-Z a-z 0-9 . _ -")
            .require(ouId != null, prefix + "ouId", Rule.REQUIRED)
            .require(model == null || model.length() <= MAX_TEXT, prefix + "model", Rule.TOO_LONG, MAX_TEXT)
            .require(assetTag == null || assetTag.length() <= MAX_TEXT, prefix + "assetTag", Rule.TOO_LONG, MAX_TEXT)
            .require(notes == null || notes.length() <= MAX_NOTES, prefix + "notes", Rule.TOO_LONG, MAX_NOTES)
            .require(tags.size() <= MAX_TAGS, prefix + "tags", Rule.TOO_MANY, MAX_TAGS);
        for (int i = 0; i < tags.size(); i++) {
            check.require(TAG.matcher(tags.get(i)).matches(), prefix + "tags[" + i + "]",
                Rule.CHARACTERS, 1, 40, "A-Z a-z 0-9 _ . : -");
        }
    }
}
