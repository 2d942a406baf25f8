package io.kioskfleet.agent;

import java.time.Instant;

/**
 * Who this device is in the fleet, as enrollment told it and the state directory keeps it.
 *
 * @param server     the server it enrolled with
 * @param deviceId   its id ({@code dev_…})
 * @param ouId       its organisation unit
 * @param serial     its serial number
 * @param enrolledAt when the server recorded the enrollment
 */
public record EnrolledIdentity(String server, String deviceId, String ouId, String serial, Instant enrolledAt) {
}
