package io.kioskfleet.protocol.checkin;

import io.kioskfleet.protocol.policy.DevicePolicy;
import java.time.Instant;

/**
 * The server's answer to a check-in. On the wire a device whose policy is current gets
 * {@code 304} with no body (the other fields in headers); this record then has
 * {@code notModified} set and no policy.
 *
 * @param state              how the server sees the device
 * @param notModified        true when the policy the device holds is current
 * @param policy             the compiled policy, when the device's is not current (null when locked)
 * @param policyEtag         the ETag of the policy in force (null when locked)
 * @param serverTime         the server's clock, so the device can tell its own is off
 * @param nextCheckInSeconds when to check in next, set by the server and spread per device
 */
public record CheckInAnswer(ManagedState state, boolean notModified, DevicePolicy policy, String policyEtag,
                            Instant serverTime, int nextCheckInSeconds) {
}
