package io.kioskfleet.console.commands;

/**
 * The body of {@code POST /api/v1/devices/{id}/lock}.
 *
 * @param reason why the device is locked (shown on its lock screen and kept in the audit chain)
 */
public record LockRequest(String reason) {
}
