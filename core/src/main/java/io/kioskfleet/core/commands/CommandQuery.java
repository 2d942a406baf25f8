package io.kioskfleet.core.commands;

import io.kioskfleet.protocol.commands.CommandState;

/**
 * Which commands to list; each part is optional.
 *
 * @param deviceId only this device's commands
 * @param state    only commands in this state
 */
public record CommandQuery(String deviceId, CommandState state) {

    public CommandQuery {
        deviceId = deviceId == null || deviceId.isBlank() ? null : deviceId.strip();
    }
}
