package io.kioskfleet.core.commands;

import io.kioskfleet.core.input.InputCheck;
import io.kioskfleet.protocol.commands.CommandPayload;
import io.kioskfleet.protocol.commands.CommandType;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An admin's request to issue one command to a device, a selection of devices, or every device
 * of a unit (with its sub-units).
 *
 * @param type             what to do
 * @param deviceIds        the devices, or null when {@code ouId} is given
 * @param ouId             the unit, or null when {@code deviceIds} is given
 * @param payload          what the type needs (MESSAGE: the text; WIPE: areas; LOCK: a reason)
 * @param expiresInMinutes how long the command may wait for delivery; default {@value #DEFAULT_EXPIRY_MINUTES}
 * @param idempotencyKey   optional: sending the same key again creates no second command for a device
 */
public record CommandOrder(CommandType type, List<String> deviceIds, String ouId, CommandPayload payload,
                           Integer expiresInMinutes, String idempotencyKey) {

    /** A day. */
    public static final int DEFAULT_EXPIRY_MINUTES = 24 * 60;
    /** A week. */
    public static final int MAX_EXPIRY_MINUTES = 7 * 24 * 60;
    /** The most devices one selection may name. */
    public static final int MAX_DEVICES = 1000;
    static final int MAX_TEXT = 1000;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    public CommandOrder {
        deviceIds = deviceIds == null ? null : List.copyOf(deviceIds.stream().distinct().toList());
        ouId = ouId == null || ouId.isBlank() ? null : ouId.strip();
        payload = payload == null ? CommandPayload.NONE : payload;
        idempotencyKey = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
    }

    /** The same order for one device. */
    public static CommandOrder forDevice(CommandType type, String deviceId, CommandPayload payload) {
        return new CommandOrder(type, List.of(deviceId), null, payload, null, null);
    }

    /** How long the command may wait for delivery. */
    Duration expiresIn() {
        return Duration.ofMinutes(expiresInMinutes == null ? DEFAULT_EXPIRY_MINUTES : expiresInMinutes);
    }

    /** @throws io.kioskfleet.core.input.InvalidInputException listing every problem */
    void check() {
        InputCheck check = new InputCheck();
        check.require(type != null, "type", "must be one of " + List.of(CommandType.values()));
        check.require((deviceIds == null) != (ouId == null), "deviceIds", "give either deviceIds or ouId, not both");
        check.require(deviceIds == null || !deviceIds.isEmpty(), "deviceIds", "must name at least one device");
        check.require(deviceIds == null || deviceIds.size() <= MAX_DEVICES, "deviceIds",
            "may name at most " + MAX_DEVICES + " devices; for more, command their unit");
        check.require(deviceIds == null || deviceIds.stream().allMatch(id -> id != null && !id.isBlank()), "deviceIds",
            "must not contain empty ids");
        check.require(expiresInMinutes == null || (expiresInMinutes >= 1 && expiresInMinutes <= MAX_EXPIRY_MINUTES),
            "expiresInMinutes", "must be from 1 to " + MAX_EXPIRY_MINUTES);
        check.require(idempotencyKey == null || KEY.matcher(idempotencyKey).matches(), "idempotencyKey",
            "must be 1 to 100 letters, digits or . _ : -");
        if (type == CommandType.MESSAGE) {
            boolean given = payload.message() != null;
            check.require(given && !payload.message().ja().isBlank() && !payload.message().en().isBlank(),
                "payload.message", "a MESSAGE needs its text in Japanese (ja) and English (en)");
            check.require(!given || (payload.message().ja().length() <= MAX_TEXT && payload.message().en().length() <= MAX_TEXT),
                "payload.message", "must be at most " + MAX_TEXT + " characters in each language");
        }
        check.require(payload.reason() == null || payload.reason().length() <= MAX_TEXT, "payload.reason",
            "must be at most " + MAX_TEXT + " characters");
        check.orThrow();
    }

    /** The payload with only what the type uses, so nothing stray is stored or sent. */
    CommandPayload payloadForType() {
        return switch (type) {
            case MESSAGE -> new CommandPayload(payload.message(), null, null);
            case WIPE -> new CommandPayload(null, payload.wipeAreas(), null);
            case LOCK -> new CommandPayload(null, null, payload.reason() == null ? null : payload.reason().strip());
            default -> CommandPayload.NONE;
        };
    }
}
