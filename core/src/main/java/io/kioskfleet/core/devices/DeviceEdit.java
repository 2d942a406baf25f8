package io.kioskfleet.core.devices;

import java.util.List;

/**
 * What IT staff change about a device after pre-registering it. A field left null keeps its
 * value; a blank text (or an empty tag list) clears it.
 *
 * @param ouId     the unit to move it to
 * @param model    hardware model
 * @param assetTag inventory label
 * @param tags     labels, replacing the current ones
 * @param notes    free text for IT staff (the asset note)
 * @param version  the version the change was made from (required: a stale one is a conflict)
 */
public record DeviceEdit(String ouId, String model, String assetTag, List<String> tags, String notes, Long version) {

    /** The device as it would be after this edit, as a draft so it is checked by the same rules as a new one. */
    DeviceDraft appliedTo(Device current) {
        return new DeviceDraft(current.serial(), ouId == null ? current.ouId() : ouId,
            model == null ? current.model() : model, assetTag == null ? current.assetTag() : assetTag,
            tags == null ? current.tags() : tags, notes == null ? current.notes() : notes);
    }
}
