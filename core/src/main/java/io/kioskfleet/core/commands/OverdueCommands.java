package io.kioskfleet.core.commands;

import io.kioskfleet.protocol.commands.CommandState;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The command escalation sweep's view of pending commands: those not acknowledged within a time
 * are overdue (to escalate), those past their expiry are expired (and leave their device's inbox,
 * as delivery would do at the device's next check-in, which a silent device never makes). Pending
 * commands are found through the inbox, which lists only devices with something waiting, so the
 * sweep never scans every command ever issued.
 */
public final class OverdueCommands {

    private final CommandRepository commands;
    private final CommandInbox inbox;
    private final Clock clock;

    public OverdueCommands(CommandRepository commands, CommandInbox inbox, Clock clock) {
        this.commands = commands;
        this.inbox = inbox;
        this.clock = clock;
    }

    /**
     * What one pass found.
     *
     * @param overdue still pending, due (issued, or its spread time reached) before the cutoff
     * @param expired how many were expired by this pass
     * @param pending how many pending commands were looked at
     */
    public record Review(List<Command> overdue, int expired, int pending) {
    }

    /** Expires what is past its expiry and returns what is overdue since {@code dueBefore}. */
    public Review review(Instant dueBefore) {
        Instant now = clock.instant();
        List<Command> overdue = new ArrayList<>();
        int expired = 0;
        int pending = 0;
        for (InboxEntry entry : inbox.entries()) {
            for (String id : entry.commandIds()) {
                Command command = commands.find(id).orElse(null);
                if (command == null || !command.pending()) {
                    continue;
                }
                pending++;
                if (command.expiredAt(now)) {
                    commands.transition(id, current -> current.pending() ? current.closed(CommandState.EXPIRED, now) : current);
                    inbox.remove(entry.deviceId(), id);
                    expired++;
                } else if ((command.notBefore() == null ? command.issuedAt() : command.notBefore()).isBefore(dueBefore)) {
                    overdue.add(command);
                }
            }
        }
        return new Review(overdue, expired, pending);
    }
}
