package io.kioskfleet.protocol.checkin;

/**
 * What a device reports about itself at each check-in.
 *
 * @param model          the hardware model
 * @param osVersion      the operating system and its version
 * @param agentVersion   the agent's version
 * @param freeDiskBytes  free space on the system disk, if known
 * @param batteryPercent battery charge 0–100, or null without a battery
 * @param ipAddress      the address the device has on its own network
 * @param currentDesk    the desk the device says it is at, if any
 */
public record Inventory(String model, String osVersion, String agentVersion, Long freeDiskBytes, Integer batteryPercent,
                        String ipAddress, String currentDesk) {
}
