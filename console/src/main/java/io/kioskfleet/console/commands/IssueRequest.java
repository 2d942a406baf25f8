package io.kioskfleet.console.commands;

import io.kioskfleet.core.commands.CommandOrder;
import io.kioskfleet.protocol.commands.CommandPayload;
import io.kioskfleet.protocol.commands.CommandType;
import java.util.List;

/**
 * The body of {@code POST /api/v1/commands}.
 *
 * @param type             what to do
 * @param deviceIds        the devices (or give {@code ouId})
 * @param ouId             every device of this unit and its sub-units (or give {@code deviceIds})
 * @param payload          what the type needs
 * @param expiresInMinutes how long the command may wait for delivery (default a day)
 * @param idempotencyKey   send the same key again to retry without doubling commands
 */
public record IssueRequest(CommandType type, List<String> deviceIds, String ouId, CommandPayload payload,
                           Integer expiresInMinutes, String idempotencyKey) {

    CommandOrder order() {
        return new CommandOrder(type, deviceIds, ouId, payload, expiresInMinutes, idempotencyKey);
    }
}
