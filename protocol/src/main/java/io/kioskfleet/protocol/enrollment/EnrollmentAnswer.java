package io.kioskfleet.protocol.enrollment;

import java.time.Instant;

/**
 * The server's answer to a successful enrollment: who the device now is.
 *
 * @param deviceId   the device's id ({@code dev_…}); every later request names it in {@code X-KF-Device}
 * @param ouId       the organisation unit the device belongs to
 * @param enrolledAt when the server recorded the enrollment
 */
public record EnrollmentAnswer(String deviceId, String ouId, Instant enrolledAt) {
}
