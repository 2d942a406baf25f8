package io.kioskfleet.console.devices;

import io.kioskfleet.core.devices.DeviceEdit;
import java.util.List;

/**
 * The body of {@code PATCH /api/v1/devices/{id}}: the fields to change (absent or null keeps a
 * field, an empty text or tag list clears it) and the version they were read at.
 */
public record DeviceChangeRequest(String ouId, String model, String assetTag, List<String> tags, String notes, Long version) {

    DeviceEdit edit() {
        return new DeviceEdit(ouId, model, assetTag, tags, notes, version);
    }
}
