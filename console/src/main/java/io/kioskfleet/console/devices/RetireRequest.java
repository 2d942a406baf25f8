package io.kioskfleet.console.devices;

/**
 * The body of a request to retire a device.
 *
 * @param reason  why, for the record (optional)
 * @param version the version the caller read, to refuse the change if someone else changed it (optional)
 */
public record RetireRequest(String reason, Long version) {
}
