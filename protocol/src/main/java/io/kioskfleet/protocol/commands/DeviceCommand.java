package io.kioskfleet.protocol.commands;

import java.time.Instant;

/**
 * A command as the device receives it in a check-in answer. The device acknowledges it, carries
 * it out and reports the result, each under the command's id (repeating either is harmless).
 *
 * @param id        {@code cmd_…}
 * @param type      what to do
 * @param payload   what the type needs
 * @param issuedAt  when an admin issued it
 * @param expiresAt after this it is no longer delivered
 */
public record DeviceCommand(String id, CommandType type, CommandPayload payload, Instant issuedAt, Instant expiresAt) {
}
