package io.kioskfleet.core.tickets;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * A fault someone (or the service) raised, from first report to closing, with who handles it.
 *
 * @param id           {@code tkt_…}
 * @param title        one line
 * @param description  what the reporter said, or null
 * @param state        where it is in its life
 * @param priority     how urgent (decides the SLA)
 * @param category     what kind of problem
 * @param source       who raised it
 * @param cause        for automatic tickets, why; else null
 * @param deviceId     the device it is about, or null
 * @param deskId       the desk it is about (free text or a desk id), or null
 * @param ouId         the site (unit) it belongs to: scoping and travel time come from it
 * @param reporter     who raised it
 * @param openKey      unique by index: {@code auto:<cause>:<deviceId>} while an automatic ticket is
 *                     open, else {@code ticket:<id>}, so one cause on one device has one open ticket
 * @param handler      who handles it now, or null when nobody has claimed it
 * @param handlerSince since when
 * @param occurrences  how often its automatic cause was seen (1 for others)
 * @param commandIds   the commands issued from it, oldest first
 * @param visit        the planned on-site visit, or null
 * @param createdAt    when it was raised
 * @param updatedAt    when it last changed
 * @param dueAt        when its SLA is breached unless resolved (business hours counted)
 * @param resolvedAt   when it was last resolved, or null
 * @param closedAt     when it was closed, or null
 * @param pendingEntry the history line of the last change, until it is copied to the history
 *                     (written with the change, so a crash in between loses nothing)
 * @param version      optimistic concurrency version, one per history line
 */
public record Ticket(
    @BsonId String id,
    String title,
    String description,
    TicketState state,
    TicketPriority priority,
    TicketCategory category,
    TicketSource source,
    AutomaticCause cause,
    String deviceId,
    String deskId,
    String ouId,
    String reporter,
    String openKey,
    String handler,
    Instant handlerSince,
    int occurrences,
    List<String> commandIds,
    OnSiteVisit visit,
    Instant createdAt,
    Instant updatedAt,
    Instant dueAt,
    Instant resolvedAt,
    Instant closedAt,
    TicketEntry pendingEntry,
    long version) {

    public Ticket {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(ouId, "ouId");
        commandIds = commandIds == null ? List.of() : List.copyOf(commandIds);
    }

    /** The open key of a ticket that merges nothing: its own id. */
    static String ownKey(String id) {
        return "ticket:" + id;
    }

    /** True when it was resolved without anyone travelling to the site. */
    public boolean resolvedRemotely() {
        return resolvedAt != null && visit == null;
    }

    Ticket moved(TicketState to, TicketEntry entry, Instant now) {
        Instant resolved = to == TicketState.RESOLVED ? now : (to.active() ? null : resolvedAt);
        Instant closed = to == TicketState.CLOSED ? now : null;
        // A closed ticket frees its automatic key, so the same cause on the same device raises a new one.
        String key = to == TicketState.CLOSED ? ownKey(id) : openKey;
        return next(to, priority, category, key, handler, handlerSince, occurrences, commandIds, visit, dueAt, resolved,
            closed, entry.states(state, to), now);
    }

    Ticket handledBy(String newHandler, TicketEntry entry, Instant now) {
        return next(state, priority, category, openKey, newHandler, newHandler == null ? null : now, occurrences,
            commandIds, visit, dueAt, resolvedAt, closedAt, entry, now);
    }

    Ticket recurred(TicketState reopenedTo, TicketEntry entry, Instant now) {
        TicketEntry line = reopenedTo == state ? entry : entry.states(state, reopenedTo);
        return next(reopenedTo, priority, category, openKey, handler, handlerSince, occurrences + 1, commandIds, visit,
            dueAt, reopenedTo.active() ? null : resolvedAt, closedAt, line, now);
    }

    Ticket commented(TicketEntry entry, Instant now) {
        return next(state, priority, category, openKey, handler, handlerSince, occurrences, commandIds, visit, dueAt,
            resolvedAt, closedAt, entry, now);
    }

    Ticket withCommand(String commandId, TicketState to, TicketEntry entry, Instant now) {
        List<String> ids = new ArrayList<>(commandIds);
        ids.add(commandId);
        return next(to, priority, category, openKey, handler, handlerSince, occurrences, ids, visit, dueAt, resolvedAt,
            closedAt, entry.states(state, to), now);
    }

    Ticket withVisit(OnSiteVisit planned, TicketEntry entry, Instant now) {
        return next(TicketState.ON_SITE_VISIT, priority, category, openKey, handler, handlerSince, occurrences, commandIds,
            planned, dueAt, resolvedAt, closedAt, entry.states(state, TicketState.ON_SITE_VISIT), now);
    }

    Ticket triaged(TicketPriority newPriority, TicketCategory newCategory, Instant newDueAt, TicketEntry entry,
                   Instant now) {
        TicketState to = state == TicketState.NEW ? TicketState.TRIAGED : state;
        return next(to, newPriority, newCategory, openKey, handler, handlerSince, occurrences, commandIds, visit, newDueAt,
            resolvedAt, closedAt, entry.states(state, to), now);
    }

    private Ticket next(TicketState to, TicketPriority newPriority, TicketCategory newCategory, String key,
                        String newHandler, Instant since, int seen, List<String> commands, OnSiteVisit plannedVisit,
                        Instant due, Instant resolved, Instant closed, TicketEntry entry, Instant now) {
        long newVersion = version + 1;
        return new Ticket(id, title, description, to, newPriority, newCategory, source, cause, deviceId, deskId, ouId,
            reporter, key, newHandler, since, seen, commands, plannedVisit, createdAt, now, due, resolved, closed,
            entry.forTicket(id, newVersion, newHandler, to), newVersion);
    }
}
