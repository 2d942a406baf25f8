package io.kioskfleet.core.commands;

import io.kioskfleet.protocol.commands.CommandPayload;
import io.kioskfleet.protocol.commands.CommandResult;
import io.kioskfleet.protocol.commands.CommandState;
import io.kioskfleet.protocol.commands.CommandType;
import io.kioskfleet.protocol.commands.DeviceCommand;
import java.time.Instant;
import java.util.Objects;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * An order to one device, from issue to its final state.
 *
 * @param id          {@code cmd_…}
 * @param deviceId    the device it is for
 * @param ouId        the device's unit when it was issued (for scoping lists)
 * @param type        what to do
 * @param payload     what the type needs
 * @param state       where it is in its life
 * @param issuedBy    the user who issued it
 * @param issuedAt    when
 * @param expiresAt   after this it is no longer delivered
 * @param deliveredAt when a check-in answer first carried it, or null
 * @param ackedAt     when the device acknowledged it, or null
 * @param finishedAt  when it reached a final state, or null
 * @param result      what the device reported, or null
 * @param issueKey    unique: the issue request's idempotency key and the device id, or the command's own id
 * @param runId       the job run (a wave) that issued it, or null for an admin's command
 * @param notBefore   not delivered before this time (a wave spreads its commands over a window), or null
 * @param version     optimistic concurrency version, starting at 1
 */
public record Command(
    @BsonId String id,
    String deviceId,
    String ouId,
    CommandType type,
    CommandPayload payload,
    CommandState state,
    String issuedBy,
    Instant issuedAt,
    Instant expiresAt,
    Instant deliveredAt,
    Instant ackedAt,
    Instant finishedAt,
    CommandResult result,
    String issueKey,
    String runId,
    Instant notBefore,
    long version) {

    public Command {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(state, "state");
        payload = payload == null ? CommandPayload.NONE : payload;
    }

    /** True while the device still has to receive it: queued, or delivered but not acknowledged. */
    public boolean pending() {
        return state == CommandState.QUEUED || state == CommandState.DELIVERED;
    }

    /** True while it waits for its spread time: a wave's command is not delivered before its {@code notBefore}. */
    boolean waitingAt(Instant now) {
        return notBefore != null && now.isBefore(notBefore);
    }

    /** True when {@code now} is past its expiry. */
    boolean expiredAt(Instant now) {
        return now.isAfter(expiresAt);
    }

    /** True when a locked (lost) device may still receive it. */
    boolean reachesLostDevice() {
        return type == CommandType.LOCK || type == CommandType.WIPE;
    }

    /** How the device receives it. */
    DeviceCommand toWire() {
        return new DeviceCommand(id, type, payload, issuedAt, expiresAt);
    }

    Command delivered(Instant now) {
        return moved(CommandState.DELIVERED, deliveredAt == null ? now : deliveredAt, ackedAt, finishedAt, result);
    }

    Command acked(Instant now) {
        return moved(CommandState.ACKED, deliveredAt == null ? now : deliveredAt, now, finishedAt, result);
    }

    Command finished(CommandResult reported, Instant now) {
        CommandState end = reported.success() ? CommandState.SUCCEEDED : CommandState.FAILED;
        return moved(end, deliveredAt == null ? now : deliveredAt, ackedAt == null ? now : ackedAt, now, reported);
    }

    Command closed(CommandState end, Instant now) {
        return moved(end, deliveredAt, ackedAt, now, result);
    }

    private Command moved(CommandState to, Instant delivered, Instant acked, Instant finished, CommandResult reported) {
        return new Command(id, deviceId, ouId, type, payload, to, issuedBy, issuedAt, expiresAt, delivered, acked,
            finished, reported, issueKey, runId, notBefore, version + 1);
    }
}
