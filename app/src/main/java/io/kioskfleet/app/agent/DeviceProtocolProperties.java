package io.kioskfleet.app.agent;

import io.kioskfleet.core.deviceauth.NonceMode;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the device protocol ({@code kioskfleet.agent.*}), each with a working default;
 * the README's configuration table lists them.
 *
 * @param checkInInterval    the mean time between a device's check-ins
 * @param checkInSpread      how far one device's interval may lie from the mean, either way
 * @param presenceFlush      how often check-ins are written to the store, in one bulk write
 * @param presenceUnchangedWrite how often at most a device's check-ins that bring nothing new
 *                           (same address, activity, policy, inventory but disk and battery) are
 *                           written; the console's "last seen" is then up to this much older
 * @param rateLimitBurst     requests a device may send at once
 * @param rateLimitPerMinute requests a device may send a minute, on average
 * @param pendingCommandsRefresh how often the in-memory "has pending commands" flags are reloaded
 *                           (so commands issued on another instance reach their device within it)
 * @param nonces             how used nonces are kept: {@code write-behind} or {@code per-request};
 *                           unset: write-behind on the embedded store, per-request on MongoDB
 * @param nonceWriteInterval how often write-behind nonces are written; a crash forgets at most this long's nonces
 */
@ConfigurationProperties("kioskfleet.agent")
public record DeviceProtocolProperties(
    @DefaultValue("5m") Duration checkInInterval,
    @DefaultValue("1m") Duration checkInSpread,
    @DefaultValue("5s") Duration presenceFlush,
    @DefaultValue("60s") Duration presenceUnchangedWrite,
    @DefaultValue("20") int rateLimitBurst,
    @DefaultValue("30") int rateLimitPerMinute,
    @DefaultValue("30s") Duration pendingCommandsRefresh,
    NonceMode nonces,
    @DefaultValue("250ms") Duration nonceWriteInterval) {
}
