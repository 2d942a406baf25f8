package io.kioskfleet.core.commands;

import io.kioskfleet.core.input.InputCheck;
import io.kioskfleet.core.input.Rule;
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
        check.require(type != null, "type", Rule.NOT_ONE_OF, List.of(CommandType.values()));
        check.require((deviceIds == null) != (ouId == null), "deviceIds", Rule.EITHER, "deviceIds", "ouId");
        check.require(deviceIds == null || !deviceIds.isEmpty(), "deviceIds", Rule.EMPTY);
        check.require(deviceIds == null || deviceIds.size() <= MAX_DEVICES, "deviceIds", Rule.TOO_MANY, MAX_DEVICES);
        check.require(deviceIds == null || deviceIds.stream().allMatch(id -> id != null && !id.isBlank()), "deviceIds", Rule.EMPTY_ITEM);
        check.require(expiresInMinutes == null || (expiresInMinutes >= 1 && expiresInMinutes <= MAX_EXPIRY_MINUTES),
            "expiresInMinutes", Rule.OUT_OF_RANGE, 1, MAX_EXPIRY_MINUTES);
        check.require(idempotencyKey == null || KEY.matcher(idempotencyKey).matches(), "idempotencyKey", Rule.CHARACTERS, 1, 100, "A-Z a-z 0-9 . _ : -");
        if (type == CommandType.MESSAGE) {
            boolean given = payload.message() != null;
            check.require(given && !payload.message().ja().isBlank() && !payload.message().en().isBlank(),
                "payload.message", Rule.MESSAGE_LANGUAGES);
            check.require(!given || (payload.message().ja().length() <= MAX_TEXT && payload.message().en().length() <= MAX_TEXT),
                "payload.message", Rule.TOO_LONG, MAX_TEXT);
        }
        check.require(payload.reason() == null || payload.reason().length() <= MAX_TEXT, "payload.reason", Rule.TOO_LONG, MAX_TEXT);
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
