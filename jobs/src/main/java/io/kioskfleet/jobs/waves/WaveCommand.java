package io.kioskfleet.jobs.waves;

import io.kioskfleet.core.schedules.ScheduleKind;
import io.kioskfleet.protocol.commands.CommandType;

/**
 * The command each wave kind sends. {@code LOGOUT_AND_WIPE} sends one {@code WIPE}: a wipe ends
 * the running session first (docs/protocol.md), so logout and erase happen at the same moment
 * with one command, one acknowledgement and one result per device, and no device can be left
 * logged out but not erased by a lost second command.
 */
final class WaveCommand {

    private WaveCommand() {
    }

    /** The command a wave of {@code kind} sends; null when the kind is not a wave. */
    static CommandType of(ScheduleKind kind) {
        return switch (kind) {
            case LOGOUT_WAVE -> CommandType.LOGOUT;
            case WIPE_WAVE, LOGOUT_AND_WIPE -> CommandType.WIPE;
            case REBOOT -> CommandType.REBOOT;
            default -> null;
        };
    }
}
