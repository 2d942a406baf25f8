package io.kioskfleet.core.tickets;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.access.ForbiddenException;
import io.kioskfleet.core.access.Role;
import io.kioskfleet.core.audit.AuditChain;
import io.kioskfleet.core.audit.Change;
import io.kioskfleet.core.commands.Command;
import io.kioskfleet.core.commands.CommandOrder;
import io.kioskfleet.core.commands.DeviceCommands;
import io.kioskfleet.core.commands.IssueReport;
import io.kioskfleet.core.devices.Device;
import io.kioskfleet.core.devices.DeviceRegistry;
import io.kioskfleet.core.input.InputCheck;
import io.kioskfleet.core.input.InvalidInputException;
import io.kioskfleet.core.input.Rule;
import io.kioskfleet.core.ous.OrganisationUnit;
import io.kioskfleet.core.ous.OrganisationUnits;
import io.kioskfleet.core.ous.OuScope;
import io.kioskfleet.core.store.ConflictException;
import io.kioskfleet.core.store.IdKind;
import io.kioskfleet.core.store.NotFoundException;
import io.kioskfleet.core.store.VersionConflictException;
import io.kioskfleet.core.users.User;
import io.kioskfleet.core.users.UserAccounts;
import io.kioskfleet.protocol.commands.CommandPayload;
import io.kioskfleet.protocol.commands.CommandType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Fault tickets: raising them, the queue by time to breach, claiming (one handler at a time),
 * handing over, comments, state changes by the transition table, remote commands from the
 * ticket and on-site visits, each kept as a line of the ticket's history.
 *
 * <p>Who may do what: fleet admins and the help desk handle every ticket, branch admins the
 * tickets of their units; staff raise tickets and see (and comment on) their own.
 */
public final class Tickets {

    private static final Role[] HANDLERS = {Role.FLEET_ADMIN, Role.BRANCH_ADMIN, Role.HELPDESK};
    /** Remote actions a handler may take from a ticket. */
    public static final Set<CommandType> REMOTE_ACTIONS =
        EnumSet.of(CommandType.LOGOUT, CommandType.WIPE, CommandType.REBOOT, CommandType.MESSAGE, CommandType.LOCK);
    private static final Bson ANY = new Document();
    private static final Bson UNCLAIMED = eq("handler", null);

    private final TicketRepository tickets;
    private final DeviceRegistry devices;
    private final OrganisationUnits units;
    private final DeviceCommands commands;
    private final UserAccounts users;
    private final AuditChain audit;
    private final BusinessCalendar calendar;
    private final SlaTargets sla;
    private final TicketEvents events;
    private final Clock clock;

    public Tickets(TicketRepository tickets, DeviceRegistry devices, OrganisationUnits units, DeviceCommands commands,
                   UserAccounts users, AuditChain audit, BusinessCalendar calendar, SlaTargets sla, TicketEvents events,
                   Clock clock) {
        this.tickets = tickets;
        this.devices = devices;
        this.units = units;
        this.commands = commands;
        this.users = users;
        this.audit = audit;
        this.calendar = calendar;
        this.sla = sla;
        this.events = events;
        this.clock = clock;
    }

    /** Raises a ticket; staff may raise one for any device they sit at (by serial), at priority P3. */
    public Ticket raise(Actor actor, TicketDraft draft) {
        boolean handler = isHandler(actor);
        if (!handler) {
            actor.requireAny(Role.STAFF);
        }
        checkDraft(draft);
        Device device = deviceOf(actor, draft, handler);
        String ouId = device != null ? device.ouId() : draft.ouId();
        if (ouId == null || !units.exists(ouId)) {
            throw new InvalidInputException(draft.ouId() == null ? "deviceSerial" : "ouId",
                "name a device or an existing site");
        }
        if (handler) {
            units.requireInScope(actor, ouId);
        }
        TicketPriority priority = handler && draft.priority() != null ? draft.priority() : TicketPriority.P3;
        TicketCategory category = draft.category() == null ? TicketCategory.OTHER : draft.category();
        Instant now = clock.instant();
        String id = IdKind.TICKET.newId();
        Ticket ticket = newTicket(id, draft.title().strip(), blankToNull(draft.description()), priority, category,
            handler ? TicketSource.ADMIN : TicketSource.STAFF, null, device == null ? null : device.id(),
            blankToNull(draft.deskId()), ouId, actor.username(), Ticket.ownKey(id), now);
        audit.record(actor, Change.created("ticket.raise", TicketRepository.COLLECTION, "ticket", id, 1, ticket),
            () -> tickets.insert(ticket));
        flush(ticket);
        return ticket;
    }

    /** A new ticket at version 1, its first history line pending. */
    Ticket newTicket(String id, String title, String description, TicketPriority priority, TicketCategory category,
                     TicketSource source, AutomaticCause cause, String deviceId, String deskId, String ouId,
                     String reporter, String openKey, Instant now) {
        TicketEntry raised = new TicketEntry(null, id, 1, EntryKind.RAISED, now, reporter, title, null, TicketState.NEW,
            null, null, null);
        return new Ticket(id, title, description, TicketState.NEW, priority, category, source, cause, deviceId, deskId,
            ouId, reporter, openKey, null, null, 1, List.of(), null, now, now,
            calendar.plus(now, sla.target(priority)), null, null, raised, 1);
    }

    /** One ticket with its SLA, site and whole history. */
    public TicketDetails get(Actor actor, String id) {
        Ticket ticket = visible(actor, id);
        List<HistoryLine> history = new ArrayList<>();
        long stored = ticket.pendingEntry() == null ? ticket.version() : ticket.version() - 1;
        for (TicketEntry line : tickets.history(id, stored)) {
            history.add(shown(line));
        }
        if (ticket.pendingEntry() != null) {
            history.add(shown(ticket.pendingEntry()));
        }
        return new TicketDetails(view(ticket, clock.instant()), history);
    }

    /** The open tickets the actor may see that match {@code query}, the nearest to breaching its SLA first. */
    public List<TicketView> queue(Actor actor, TicketQuery query) {
        Instant now = clock.instant();
        return visibleTickets(actor).stream().filter(query::matches)
            .sorted(Comparator.comparing((Ticket ticket) -> !ticket.state().active())
                .thenComparing(Ticket::dueAt).thenComparing(Ticket::id))
            .map(ticket -> view(ticket, now)).toList();
    }

    /**
     * The tickets about one device the actor may see, in any state, newest first, at most
     * {@code limit}: for the device's timeline. A scan of {@code tickets} on the embedded store,
     * like the queue (tickets close; the collection stays small compared with sessions).
     */
    public List<Ticket> aboutDevice(Actor actor, String deviceId, int limit) {
        actor.requireAny(HANDLERS);
        devices.get(actor, deviceId);
        return tickets.all(eq("deviceId", deviceId)).stream()
            .sorted(Comparator.comparing(Ticket::createdAt).reversed()).limit(limit).toList();
    }

    /** True when the actor handles tickets, so may see the tickets about devices in its scope. */
    public static boolean handledBy(Actor actor) {
        return isHandler(actor);
    }

    /** Takes the ticket: atomic, so of two people claiming at once exactly one gets it. */
    public Ticket claim(Actor actor, String id) {
        Ticket current = handled(actor, id);
        if (actor.username().equals(current.handler())) {
            return current;
        }
        if (current.handler() != null) {
            throw alreadyClaimed(current);
        }
        requireOpen(current);
        Ticket changed = current.handledBy(actor.username(), line(EntryKind.CLAIMED, actor, null), clock.instant());
        return write(actor, "ticket.claim", current, changed, UNCLAIMED);
    }

    /** Gives the ticket to another handler; its whole history stays with it. */
    public Ticket handOver(Actor actor, String id, String toUsername, String note) {
        Ticket current = handled(actor, id);
        requireHandlerOrFleetAdmin(actor, current);
        requireOpen(current);
        User next = users.findByUsername(toUsername == null ? "" : toUsername)
            .filter(user -> user.enabled() && user.roles().stream().anyMatch(role -> Set.of(HANDLERS).contains(role)))
            .orElseThrow(() -> new InvalidInputException("to", "must be an active fleet admin, branch admin or help desk user"));
        if (next.roles().equals(Set.of(Role.BRANCH_ADMIN)) && !branchCovers(next, current.ouId())) {
            throw new InvalidInputException("to", next.username() + " is a branch admin of other units");
        }
        Ticket changed = current.handledBy(next.username(), line(EntryKind.HANDED_OVER, actor, checkedText(note, "note")),
            clock.instant());
        return write(actor, "ticket.hand-over", current, changed, eq("handler", current.handler()));
    }

    /** The handler gives the ticket back to the queue. */
    public Ticket release(Actor actor, String id) {
        Ticket current = handled(actor, id);
        requireHandlerOrFleetAdmin(actor, current);
        Ticket changed = current.handledBy(null, line(EntryKind.RELEASED, actor, null), clock.instant());
        return write(actor, "ticket.release", current, changed, eq("handler", current.handler()));
    }

    /** Adds a comment; the reporter may comment on their own ticket too. */
    public Ticket comment(Actor actor, String id, String text) {
        Ticket current = visible(actor, id);
        String checked = checkedText(text, "text");
        if (checked == null) {
            throw new InvalidInputException("text", Rule.BLANK);
        }
        Ticket changed = current.commented(line(EntryKind.COMMENT, actor, checked), clock.instant());
        return write(actor, "ticket.comment", current, changed, ANY);
    }

    /** Moves the ticket to {@code to}, if the transition table allows it and the actor handles it. */
    public Ticket move(Actor actor, String id, TicketState to, String note) {
        if (to == null) {
            throw new InvalidInputException("state", Rule.REQUIRED);
        }
        Ticket current = handled(actor, id);
        requireClaimedBy(actor, current);
        if (!current.state().allows(to)) {
            throw new ConflictException("invalid-transition", "a ticket in " + current.state() + " cannot move to " + to
                + "; allowed next: " + current.state().next());
        }
        Ticket changed = current.moved(to, line(EntryKind.STATE, actor, checkedText(note, "note")), clock.instant());
        return write(actor, "ticket.move", current, changed, ANY);
    }

    /** Sets priority and category (a NEW ticket becomes TRIAGED); the SLA due time follows the priority. */
    public Ticket triage(Actor actor, String id, TicketPriority priority, TicketCategory category) {
        new InputCheck().require(priority != null, "priority", "is required")
            .require(category != null, "category", "is required").orThrow();
        Ticket current = handled(actor, id);
        requireClaimedBy(actor, current);
        requireActive(current);
        Instant due = calendar.plus(current.createdAt(), sla.target(priority));
        Ticket changed = current.triaged(priority, category, due,
            line(EntryKind.TRIAGE, actor, priority + " / " + category), clock.instant());
        return write(actor, "ticket.triage", current, changed, ANY);
    }

    /**
     * Sends a remote command to the ticket's device through the command system and records it on
     * the ticket (which moves to REMOTE_ACTION). The command's outcome shows in the history as
     * soon as the device reports it. Retrying after a conflict does not issue a second command.
     */
    public Ticket remoteAction(Actor actor, String id, CommandType type, CommandPayload payload) {
        if (type == null || !REMOTE_ACTIONS.contains(type)) {
            throw new InvalidInputException("type", Rule.NOT_ONE_OF, REMOTE_ACTIONS);
        }
        Ticket current = handled(actor, id);
        requireClaimedBy(actor, current);
        requireActive(current);
        if (current.deviceId() == null) {
            throw new ConflictException("ticket-without-device", "ticket " + id + " names no device to send a command to");
        }
        // Keyed by the ticket's next version: a retry of this very step finds the command it issued before.
        String key = id + ":v" + (current.version() + 1);
        IssueReport report = commands.issue(actor, new CommandOrder(type, List.of(current.deviceId()), null, payload,
            null, key));
        IssueReport.DeviceOutcome outcome = report.devices().get(0);
        if (outcome.commandId() == null) {
            throw new ConflictException("command-not-issued", outcome.detail());
        }
        TicketState to = current.state() == TicketState.ON_SITE_VISIT ? current.state() : TicketState.REMOTE_ACTION;
        Ticket changed = current.withCommand(outcome.commandId(), to,
            line(EntryKind.REMOTE_COMMAND, actor, type.name()).command(outcome.commandId(), type), clock.instant());
        return write(actor, "ticket.remote-action", current, changed, ANY);
    }

    /** Plans a trip to the site; the site's travel time from headquarters is shown with it. */
    public Ticket planVisit(Actor actor, String id, LocalDate plannedOn, String technician, String note) {
        new InputCheck().require(plannedOn != null, "plannedOn", "is required")
            .require(technician != null && !technician.isBlank() && technician.length() <= TicketDraft.MAX_TITLE,
                "technician", "is required, at most " + TicketDraft.MAX_TITLE + " characters")
            .orThrow();
        Ticket current = handled(actor, id);
        requireClaimedBy(actor, current);
        requireActive(current);
        int travel = units.find(current.ouId()).map(OrganisationUnit::travelMinutes).orElse(0);
        OnSiteVisit visit = new OnSiteVisit(plannedOn, technician.strip(), travel, checkedText(note, "note"));
        Ticket changed = current.withVisit(visit,
            line(EntryKind.VISIT_PLANNED, actor, plannedOn + " " + visit.technician() + " (" + travel + " min)"),
            clock.instant());
        return write(actor, "ticket.plan-visit", current, changed, ANY);
    }

    /**
     * Per branch, how many tickets resolved between {@code from} and {@code to} were resolved
     * remotely, and what the visits cost in travel.
     */
    public List<BranchResolution> remoteResolution(Actor actor, Instant from, Instant to) {
        actor.requireAny(HANDLERS);
        Map<String, int[]> counts = new TreeMap<>();
        for (Ticket ticket : visibleTickets(actor)) {
            Instant resolved = ticket.resolvedAt() != null ? ticket.resolvedAt() : ticket.closedAt();
            if (resolved == null || (from != null && resolved.isBefore(from)) || (to != null && !resolved.isBefore(to))) {
                continue;
            }
            int[] count = counts.computeIfAbsent(ticket.ouId(), ou -> new int[3]);
            count[0]++;
            count[ticket.visit() == null ? 1 : 2]++;
        }
        List<BranchResolution> report = new ArrayList<>();
        counts.forEach((ouId, count) -> {
            OrganisationUnit unit = units.find(ouId).orElse(null);
            int travel = unit == null ? 0 : unit.travelMinutes();
            report.add(new BranchResolution(ouId, unit == null ? ouId : unit.name(), travel, count[0], count[1], count[2],
                count[0] == 0 ? 0 : (double) count[1] / count[0], 2L * travel * count[2]));
        });
        return report;
    }

    /** Writes the history lines a crash left only in their tickets; safe on every start. */
    public int completeInterruptedChanges() {
        List<Ticket> pending = tickets.withPendingLines();
        pending.forEach(this::flush);
        return pending.size();
    }

    // --- writing ---

    /**
     * Writes a change: first the previous change's line if it is still only in the ticket, then
     * the ticket (atomically: at the version read, and matching {@code condition}), then its line.
     */
    Ticket write(Actor actor, String action, Ticket current, Ticket changed, Bson condition) {
        if (current.pendingEntry() != null) {
            flush(current);
        }
        audit.record(actor, Change.changed(action, TicketRepository.COLLECTION, "ticket", current.id(), changed.version(),
            current, changed), () -> {
                if (!tickets.replaceIf(changed, current.version(), condition)) {
                    throw whyNotWritten(current);
                }
            });
        flush(changed);
        return changed;
    }

    /** Copies the ticket's pending line to the history and tells listeners; repeatable. */
    void flush(Ticket ticket) {
        TicketEntry line = ticket.pendingEntry();
        tickets.writeHistory(line);
        events.changed(ticket, line);
        tickets.clearPending(ticket);
    }

    private RuntimeException whyNotWritten(Ticket read) {
        Ticket now = tickets.find(read.id()).orElseThrow(() -> new NotFoundException("ticket", read.id()));
        if (read.handler() == null && now.handler() != null) {
            return alreadyClaimed(now);
        }
        return new VersionConflictException("ticket", read.id(), read.version(), now.version());
    }

    private static ConflictException alreadyClaimed(Ticket ticket) {
        return new ConflictException("ticket-claimed", "ticket " + ticket.id() + " is already handled by "
            + ticket.handler());
    }

    private TicketEntry line(EntryKind kind, Actor actor, String text) {
        return TicketEntry.of(kind, clock.instant(), actor.username(), text);
    }

    // --- reading and rules ---

    TicketView view(Ticket ticket, Instant now) {
        OrganisationUnit unit = units.find(ticket.ouId()).orElse(null);
        return new TicketView(ticket, SlaStatus.of(ticket, now, calendar, sla), unit == null ? ticket.ouId() : unit.name(),
            unit == null ? 0 : unit.travelMinutes(), ticket.state().next());
    }

    private HistoryLine shown(TicketEntry line) {
        if (line.commandId() == null) {
            return new HistoryLine(line, null, null);
        }
        // The ticket was checked for the viewer already; its commands are part of it.
        Command command = commandOf(line.commandId());
        return command == null ? new HistoryLine(line, null, null)
            : new HistoryLine(line, command.state(), command.result());
    }

    private Command commandOf(String commandId) {
        try {
            return commands.get(Actor.SYSTEM, commandId);
        } catch (NotFoundException gone) {
            return null;
        }
    }

    /** The ticket if the actor may see it: handlers within their scope, staff their own; else "not found". */
    private Ticket visible(Actor actor, String id) {
        Ticket ticket = tickets.find(id).orElseThrow(() -> new NotFoundException("ticket", id));
        if (isHandler(actor)) {
            if (!units.scopeOf(actor).contains(ticket.ouId())) {
                throw new NotFoundException("ticket", id);
            }
            return ticket;
        }
        actor.requireAny(Role.STAFF);
        if (!actor.username().equals(ticket.reporter())) {
            throw new NotFoundException("ticket", id);
        }
        return ticket;
    }

    /** The ticket if the actor may handle it. */
    private Ticket handled(Actor actor, String id) {
        actor.requireAny(HANDLERS);
        return visible(actor, id);
    }

    private List<Ticket> visibleTickets(Actor actor) {
        if (isHandler(actor)) {
            OuScope scope = units.scopeOf(actor);
            return tickets.all(ANY).stream().filter(ticket -> scope.contains(ticket.ouId())).toList();
        }
        actor.requireAny(Role.STAFF);
        return tickets.all(eq("reporter", actor.username()));
    }

    private static boolean isHandler(Actor actor) {
        return actor.has(Role.FLEET_ADMIN) || actor.has(Role.BRANCH_ADMIN) || actor.has(Role.HELPDESK);
    }

    private boolean branchCovers(User user, String ouId) {
        return user.ouScope().stream().anyMatch(scoped -> units.subtreeOf(scoped).contains(ouId));
    }

    private static void requireClaimedBy(Actor actor, Ticket ticket) {
        if (ticket.handler() == null) {
            throw new ConflictException("ticket-unclaimed", "ticket " + ticket.id()
                + " is not claimed by anyone; claim it before changing it");
        }
        if (!ticket.handler().equals(actor.username())) {
            throw new ConflictException("ticket-handled-by-other", "ticket " + ticket.id() + " is handled by "
                + ticket.handler() + "; ask them to hand it over");
        }
    }

    private static void requireHandlerOrFleetAdmin(Actor actor, Ticket ticket) {
        if (ticket.handler() == null) {
            throw new ConflictException("ticket-unclaimed", "ticket " + ticket.id() + " is not claimed by anyone");
        }
        if (!ticket.handler().equals(actor.username()) && !actor.has(Role.FLEET_ADMIN)) {
            throw new ForbiddenException("only " + ticket.handler() + " or a fleet admin may hand over ticket " + ticket.id());
        }
    }

    private static void requireOpen(Ticket ticket) {
        if (!ticket.state().open()) {
            throw new ConflictException("ticket-closed", "ticket " + ticket.id() + " is closed");
        }
    }

    private static void requireActive(Ticket ticket) {
        if (!ticket.state().active()) {
            throw new ConflictException("ticket-not-active", "ticket " + ticket.id() + " is " + ticket.state()
                + "; reopen it first");
        }
    }

    private Device deviceOf(Actor actor, TicketDraft draft, boolean handler) {
        if (draft.deviceId() != null) {
            return handler ? devices.get(actor, draft.deviceId()) : devices.find(draft.deviceId())
                .orElseThrow(() -> new InvalidInputException("deviceId", "no such device"));
        }
        if (draft.deviceSerial() != null && !draft.deviceSerial().isBlank()) {
            return devices.findBySerial(draft.deviceSerial().strip())
                .orElseThrow(() -> new InvalidInputException("deviceSerial", "no device with this serial"));
        }
        return null;
    }

    private static void checkDraft(TicketDraft draft) {
        new InputCheck().require(draft != null, "", "a ticket is required").orThrow();
        new InputCheck()
            .require(draft.title() != null && !draft.title().isBlank(), "title", "must not be blank")
            .require(draft.title() == null || draft.title().length() <= TicketDraft.MAX_TITLE, "title",
                "must be at most " + TicketDraft.MAX_TITLE + " characters")
            .require(draft.description() == null || draft.description().length() <= TicketDraft.MAX_TEXT, "description",
                "must be at most " + TicketDraft.MAX_TEXT + " characters")
            .require(draft.deskId() == null || draft.deskId().length() <= TicketDraft.MAX_TITLE, "deskId",
                "must be at most " + TicketDraft.MAX_TITLE + " characters")
            .orThrow();
    }

    private static String checkedText(String text, String path) {
        if (text != null && text.length() > TicketDraft.MAX_TEXT) {
            throw new InvalidInputException(path, Rule.TOO_LONG, TicketDraft.MAX_TEXT);
        }
        return blankToNull(text);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
