package io.kioskfleet.core.commands;

import io.kioskfleet.core.store.IdKind;
import io.kioskfleet.protocol.commands.CommandPayload;
import io.kioskfleet.protocol.commands.CommandState;
import io.kioskfleet.protocol.commands.CommandType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Commands issued in bulk by a job run (a logout or wipe wave), one per run and device whatever
 * how often a chunk is issued again after a crash.
 *
 * <p>A command's issue key is {@code run:<runId>/<deviceId>} (unique index) and its id is made of
 * the run's and the device's ids ({@link IdKind#idFor}), so issuing a chunk again writes the same
 * inbox entries and finds its commands there already. A chunk costs two writes to the store: the inbox entries first (as for a single
 * command, so a crash leaves a stray id, never a command no device receives), then the commands in
 * one unordered insert whose duplicate-key refusals mean "issued before". The run record itself is
 * the admin change in the audit chain; its commands are not audited one by one.
 */
public final class RunCommands {

    private final CommandRepository commands;
    private final CommandInbox inbox;
    private final Clock clock;

    public RunCommands(CommandRepository commands, CommandInbox inbox, Clock clock) {
        this.commands = commands;
        this.inbox = inbox;
        this.clock = clock;
    }

    /**
     * What a run orders each of its devices to do.
     *
     * @param runId     {@code run_…}
     * @param type      the command's type
     * @param payload   what the type needs
     * @param issuedBy  who the run acts for (the schedule), shown as the command's issuer
     * @param expiresIn how long each command may wait for delivery after its not-before time
     */
    public record RunOrder(String runId, CommandType type, CommandPayload payload, String issuedBy, Duration expiresIn) {

        public RunOrder {
            Objects.requireNonNull(runId, "runId");
            Objects.requireNonNull(type, "type");
            payload = payload == null ? CommandPayload.NONE : payload;
            Objects.requireNonNull(expiresIn, "expiresIn");
        }
    }

    /**
     * One device of a run's chunk.
     *
     * @param deviceId  {@code dev_…}
     * @param ouId      its unit
     * @param notBefore when its command may be delivered (its place in the spread window)
     */
    public record RunTarget(String deviceId, String ouId, Instant notBefore) {
    }

    /** The issue key of a run's command for a device. */
    public static String issueKeyOf(String runId, String deviceId) {
        return "run:" + runId + "/" + deviceId;
    }

    /**
     * Issues the run's command to each target that does not have it yet.
     *
     * @return how many were new (the others were issued before, by an earlier try of this chunk)
     */
    public int issue(RunOrder order, List<RunTarget> targets) {
        Instant now = clock.instant();
        Map<String, String> inboxEntries = new LinkedHashMap<>();
        List<Command> batch = new ArrayList<>(targets.size());
        for (RunTarget target : targets) {
            String issueKey = issueKeyOf(order.runId(), target.deviceId());
            String id = IdKind.COMMAND.idFor(order.runId(), target.deviceId());
            Instant from = target.notBefore() == null ? now : target.notBefore();
            inboxEntries.put(target.deviceId(), id);
            batch.add(new Command(id, target.deviceId(), target.ouId(), order.type(), order.payload(), CommandState.QUEUED,
                order.issuedBy(), now, from.plus(order.expiresIn()), null, null, null, null, issueKey, order.runId(),
                target.notBefore(), 1));
        }
        inbox.addAll(inboxEntries);
        return commands.insertAll(batch);
    }

    /** Cancels the run's commands not yet handed to their devices; returns how many. */
    public long cancelQueued(String runId) {
        return commands.cancelQueuedOfRun(runId, clock.instant());
    }

    /** Tells {@code listener} of every state change of any command (to count a run's progress). */
    public void whenMoved(CommandStateListener listener) {
        commands.whenMoved(listener);
    }
}
