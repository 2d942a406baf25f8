package io.kioskfleet.console.devices;

import io.kioskfleet.core.devices.DeviceDraft;
import java.util.List;

/** The body of a request to pre-register one device. */
public record DeviceRequest(String serial, String ouId, String model, String assetTag, List<String> tags, String notes) {

    DeviceDraft draft() {
        return new DeviceDraft(serial, ouId, model, assetTag, tags, notes);
    }
}
