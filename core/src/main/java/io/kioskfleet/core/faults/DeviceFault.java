package io.kioskfleet.core.faults;

import io.kioskfleet.protocol.faults.FaultCategory;
import java.time.Instant;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * A fault a device reported, as stored.
 *
 * @param id            the device id and the report id the device chose, so a resent report is kept once
 * @param deviceId      the reporting device
 * @param ouId          its unit when it reported
 * @param category      what kind of fault
 * @param message       its one line
 * @param logExcerpt    its log lines, or null
 * @param observedAt    when the device noticed it
 * @param receivedAt    when the server got it
 * @param sourceAddress where the report came from
 */
public record DeviceFault(@BsonId String id, String deviceId, String ouId, FaultCategory category, String message,
                          String logExcerpt, Instant observedAt, Instant receivedAt, String sourceAddress) {
}
