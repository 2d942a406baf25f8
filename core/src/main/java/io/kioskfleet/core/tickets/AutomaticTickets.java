package io.kioskfleet.core.tickets;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.compliance.ComplianceException;
import io.kioskfleet.core.compliance.ComplianceExceptions;
import io.kioskfleet.core.findings.OpenFindings;
import io.kioskfleet.core.audit.AuditChain;
import io.kioskfleet.core.audit.Change;
import io.kioskfleet.core.commands.CommandDelivery;
import io.kioskfleet.core.devices.Device;
import io.kioskfleet.core.faults.DeviceFaults;
import io.kioskfleet.core.sessions.WipeAttestations;
import io.kioskfleet.protocol.commands.CommandState;
import io.kioskfleet.core.devices.DeviceRegistry;
import io.kioskfleet.core.store.ConflictException;
import io.kioskfleet.core.store.IdKind;
import io.kioskfleet.core.store.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tickets the service raises on its own (agent fault reports, failed wipes, failed commands, and
 * the sweeps' silent devices, unverified wipes and unacknowledged commands). One cause on one
 * device has at most one open ticket: the open key {@code auto:<cause>:<deviceId>} is unique by
 * index, so of two concurrent raises one inserts and the other adds an occurrence to it. A
 * resolved ticket is reopened by a recurrence; once closed, the next one is a new ticket.
 */
public final class AutomaticTickets {

    /** Each failed attempt means another raise got through, so this bounds the raises at one moment. */
    private static final int ATTEMPTS = 32;
    private static final Logger log = LoggerFactory.getLogger(AutomaticTickets.class);
    private static final Actor SERVICE = Actor.SYSTEM;

    private final Tickets tickets;
    private final TicketRepository repository;
    private final DeviceRegistry devices;
    private final AuditChain audit;
    private final Clock clock;

    public AutomaticTickets(Tickets tickets, TicketRepository repository, DeviceRegistry devices, AuditChain audit,
                            Clock clock) {
        this.tickets = tickets;
        this.repository = repository;
        this.devices = devices;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Raises a ticket for {@code cause} on {@code deviceId}, or counts one more occurrence on the
     * open one (reopening it if it was resolved). Safe to call from several places at once.
     *
     * @param summary one line saying what was seen (shortened to fit a title)
     */
    public Ticket raise(AutomaticCause cause, String deviceId, String summary) {
        Objects.requireNonNull(cause, "cause");
        Device device = devices.find(deviceId).orElseThrow(() -> new NotFoundException("device", deviceId));
        String text = summary == null || summary.isBlank() ? cause.name() : summary.strip();
        String key = cause.openKeyFor(deviceId);
        for (int attempt = 1; ; attempt++) {
            try {
                Ticket open = repository.findByOpenKey(key).orElse(null);
                return open == null ? insert(cause, device, text, key) : recur(open, text);
            } catch (ConflictException raced) {
                // Another raise inserted or changed the ticket first: read again and merge into it.
                if (attempt == ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    /**
     * Raises tickets from what devices report: fault reports, sessions whose wipe failed, and
     * commands that failed (except those issued from a ticket, whose ticket shows the failure).
     */
    public void listenTo(DeviceFaults faults, WipeAttestations wipes, CommandDelivery delivery) {
        faults.whenReported(fault -> raise(AutomaticCause.DEVICE_FAULT, fault.deviceId(),
            fault.category() + ": " + fault.message()));
        wipes.whenWipeFailed(session -> raise(AutomaticCause.WIPE_FAILED, session.deviceId(),
            "wipe failed: data remained after session " + session.id()));
        delivery.whenFinished(command -> {
            if (command.state() == CommandState.FAILED && !command.issueKey().startsWith(IdKind.TICKET.prefix() + "_")) {
                raise(AutomaticCause.COMMAND_FAILED, command.deviceId(), command.type() + " failed: "
                    + (command.result() == null || command.result().detail() == null ? "no detail"
                    : command.result().detail()));
            }
        });
    }

    /**
     * Raises tickets from what the sweeps find: sessions whose wipes were never proven (one raise
     * per device, as the exceptions' follow-up after each sweep), a device silent too long, a
     * command never acknowledged. Each is told once, when first found.
     */
    public void listenTo(ComplianceExceptions exceptions, OpenFindings findings) {
        exceptions.whenFollowingUp(this::raiseUnverifiedWipes);
        findings.whenOpened(finding -> {
            switch (finding.kind()) {
                case SILENT_DEVICE -> raise(AutomaticCause.DEVICE_SILENT, finding.deviceId(),
                    "no check-in since " + finding.since());
                case OVERDUE_COMMAND -> raise(AutomaticCause.COMMAND_UNACKNOWLEDGED, finding.deviceId(),
                    "command " + finding.subjectId() + " not acknowledged since " + finding.since());
            }
        });
    }

    /**
     * One raise per device for its unproven sessions found by a sweep: a device with many gets one
     * ticket (or one more occurrence) naming them, not one per session. A device removed meanwhile
     * gets none.
     */
    private void raiseUnverifiedWipes(String deviceId, List<ComplianceException> unproven) {
        try {
            raise(AutomaticCause.UNVERIFIED_WIPE, deviceId, unverifiedWipeSummary(unproven));
        } catch (NotFoundException gone) {
            log.info("No ticket for {} unverified wipe(s) on {}: the device is gone", unproven.size(), deviceId);
        }
    }

    private static String unverifiedWipeSummary(List<ComplianceException> unproven) {
        if (unproven.size() == 1) {
            ComplianceException exception = unproven.get(0);
            return exception.sessionEndedAt() == null
                ? "session " + exception.sessionId() + " never ended, so no wipe was proven"
                : "no verified wipe for session " + exception.sessionId() + " (ended " + exception.sessionEndedAt() + ")";
        }
        StringBuilder text = new StringBuilder("no verified wipe for ").append(unproven.size()).append(" sessions:");
        for (ComplianceException exception : unproven) {
            text.append(' ').append(exception.sessionId()).append(exception.sessionEndedAt() == null ? " (never ended)"
                : " (ended " + exception.sessionEndedAt() + ")").append(',');
        }
        text.setLength(text.length() - 1);
        return text.toString();
    }

    private Ticket insert(AutomaticCause cause, Device device, String text, String key) {
        Instant now = clock.instant();
        String id = IdKind.TICKET.newId();
        Ticket ticket = tickets.newTicket(id, shortened(text, TicketDraft.MAX_TITLE), shortened(text, TicketDraft.MAX_TEXT),
            cause.priority(), cause.category(), TicketSource.AUTOMATIC, cause, device.id(), null, device.ouId(),
            SERVICE.username(), key, now);
        audit.record(SERVICE, Change.created("ticket.raise-automatic", TicketRepository.COLLECTION, "ticket", id, 1, ticket),
            () -> {
                if (!repository.insert(ticket)) {
                    throw new ConflictException("ticket-open", "an open ticket for " + key + " exists already");
                }
            });
        tickets.flush(ticket);
        return ticket;
    }

    private Ticket recur(Ticket open, String text) {
        TicketState to = open.state() == TicketState.RESOLVED ? TicketState.TRIAGED : open.state();
        TicketEntry line = TicketEntry.of(EntryKind.RECURRED, clock.instant(), SERVICE.username(),
            shortened(text, TicketDraft.MAX_TEXT));
        Ticket changed = open.recurred(to, line, clock.instant());
        return tickets.write(SERVICE, "ticket.recur", open, changed, new Document());
    }

    private static String shortened(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
