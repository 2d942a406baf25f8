package io.kioskfleet.core.devices;

/** The little a fleet-wide count needs of a device: which it is, where, and in which status. */
public record DeviceSummary(String id, String ouId, DeviceStatus status) {
}
