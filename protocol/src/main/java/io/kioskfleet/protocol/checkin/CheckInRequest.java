package io.kioskfleet.protocol.checkin;

/**
 * A device's signed check-in: what it is doing, its inventory, and the ETag of the policy it
 * holds (null before it has one).
 *
 * @param activity   what the device is doing
 * @param inventory  what it reports about itself
 * @param policyEtag the ETag of the policy it enforces now, or null
 */
public record CheckInRequest(DeviceActivity activity, Inventory inventory, String policyEtag) {
}
