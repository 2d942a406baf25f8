package io.kioskfleet.core.commands;

import java.time.Instant;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * One time a locked (lost) device reached the server: evidence for finding it.
 *
 * @param id              {@code ldc_…}
 * @param deviceId        the device
 * @param at              when it checked in
 * @param sourceAddress   the address its request came from
 * @param reportedAddress the address the device reported on its own network, if any
 */
public record LostDeviceContact(@BsonId String id, String deviceId, Instant at, String sourceAddress,
                                String reportedAddress) {
}
