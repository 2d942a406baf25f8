package io.kioskfleet.console.desks;

/**
 * A body naming one laptop.
 *
 * @param deviceId the device ({@code dev_…})
 */
public record LaptopRequest(String deviceId) {
}
