package io.kioskfleet.core.commands;

import io.kioskfleet.protocol.commands.CommandType;
import java.util.List;

/**
 * What issuing a command did, device by device.
 *
 * @param type    the command's type
 * @param issued  how many commands were created by this request
 * @param devices one outcome per targeted device
 */
public record IssueReport(CommandType type, int issued, List<DeviceOutcome> devices) {

    public IssueReport {
        devices = List.copyOf(devices);
    }

    /** What happened for one device. */
    public enum Outcome {
        /** A command was created. */
        ISSUED,
        /** The idempotency key was used for this device before: the existing command stands. */
        ALREADY_ISSUED,
        /** The device cannot receive commands (retired, or never enrolled). */
        SKIPPED
    }

    /**
     * The outcome for one device.
     *
     * @param deviceId  {@code dev_…}
     * @param outcome   what happened
     * @param commandId the command created or found, or null when skipped
     * @param detail    why it was skipped, or null
     */
    public record DeviceOutcome(String deviceId, Outcome outcome, String commandId, String detail) {
    }
}
