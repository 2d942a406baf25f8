package io.kioskfleet.core.timeline;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.access.Role;
import io.kioskfleet.core.audit.AuditChain;
import io.kioskfleet.core.checkin.PresenceRepository;
import io.kioskfleet.core.commands.CommandQuery;
import io.kioskfleet.core.commands.DeviceCommands;
import io.kioskfleet.core.devices.DeviceRegistry;
import io.kioskfleet.core.faults.DeviceFaults;
import io.kioskfleet.core.sessions.Session;
import io.kioskfleet.core.sessions.SessionLedger;
import io.kioskfleet.core.sessions.SessionQuery;
import io.kioskfleet.core.store.PageRequest;
import io.kioskfleet.core.tickets.Ticket;
import io.kioskfleet.core.tickets.Tickets;
import io.kioskfleet.protocol.sessions.SessionState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Puts a device's history in one list, newest first: the admin changes (from the audit chain,
 * for those who may read it), the commands sent to it, its sessions of the last
 * {@link #RECENT} with their wipe attestations (accepted and refused), the tickets about it
 * (for those who handle tickets) and the faults it reported. Each part shows at most
 * {@value #PER_PART} entries.
 */
public final class DeviceTimeline {

    static final int PER_PART = 100;

    /**
     * How far back sessions and attestations are shown: they live in month collections that a
     * device query scans, so the timeline reads only the current and the previous month.
     */
    public static final Duration RECENT = Duration.ofDays(30);

    private final DeviceRegistry devices;
    private final AuditChain audit;
    private final DeviceCommands commands;
    private final SessionLedger sessions;
    private final DeviceFaults faults;
    private final PresenceRepository presence;
    private final Tickets tickets;
    private final Clock clock;

    public DeviceTimeline(DeviceRegistry devices, AuditChain audit, DeviceCommands commands, SessionLedger sessions,
                          DeviceFaults faults, PresenceRepository presence, Tickets tickets, Clock clock) {
        this.faults = faults;
        this.presence = presence;
        this.devices = devices;
        this.audit = audit;
        this.commands = commands;
        this.sessions = sessions;
        this.tickets = tickets;
        this.clock = clock;
    }

    /** The device's history as far as the actor may see it; an auditor's look is itself noted in the audit chain. */
    public List<TimelineEntry> of(Actor actor, String deviceId) {
        devices.get(actor, deviceId);
        if (actor.has(Role.AUDITOR)) {
            audit.note(actor, "device.timeline.view", "device", deviceId, Map.of());
        }
        List<TimelineEntry> entries = new ArrayList<>();
        if (audit.readableBy(actor)) {
            audit.forTarget(actor, deviceId).stream().limit(PER_PART).forEach(event -> entries.add(
                new TimelineEntry(event.at(), "change", event.action(), event.actor(), event.id())));
        }
        commands.search(actor, new CommandQuery(deviceId, null), new PageRequest(0, PER_PART)).items()
            .forEach(command -> entries.add(new TimelineEntry(command.issuedAt(), "command", command.type().name(),
                command.state().name(), command.id())));
        addSessionsAndWipes(actor, deviceId, clock.instant().minus(RECENT), entries);
        if (Tickets.handledBy(actor)) {
            tickets.aboutDevice(actor, deviceId, PER_PART).forEach(ticket -> addTicket(ticket, entries));
        }
        faults.ofDevice(actor, deviceId, new PageRequest(0, PER_PART)).items()
            .forEach(fault -> entries.add(new TimelineEntry(fault.observedAt(), "fault", fault.category().name(),
                fault.message(), fault.id())));
        presence.find(deviceId).ifPresent(seen -> seen.recentCheckIns().forEach(at -> entries.add(
            new TimelineEntry(at, "checkin", "CHECKIN", at.equals(seen.lastSeenAt()) ? seen.sourceAddress() : null, null))));
        entries.sort(Comparator.comparing(TimelineEntry::at).reversed());
        return entries;
    }

    /** Sessions started since {@code since}, the attestations that decided their wipes, and the refused ones. */
    private void addSessionsAndWipes(Actor actor, String deviceId, Instant since, List<TimelineEntry> entries) {
        List<Session> recent = sessions.search(actor, new SessionQuery(deviceId, null, since, null, null),
            new PageRequest(0, PER_PART)).items();
        recent.forEach(session -> entries.add(new TimelineEntry(session.startedAt(), "session",
            session.endReason() == null ? "RUNNING" : session.endReason().name(), session.state().name(), session.id())));
        Map<String, SessionState> states = recent.stream().collect(Collectors.toMap(Session::id, Session::state));
        sessions.attestationsOf(actor, recent).forEach(proof -> entries.add(new TimelineEntry(proof.receivedAt(),
            "attestation", states.get(proof.sessionId()).name(), null, proof.sessionId())));
        sessions.refused(actor, deviceId, since, null, new PageRequest(0, PER_PART)).items()
            .forEach(refused -> entries.add(new TimelineEntry(refused.receivedAt(), "attestation", "REFUSED",
                refused.reason(), refused.sessionId())));
    }

    /** A ticket's milestones that happened: raised, taken by its current handler, resolved, closed. */
    private static void addTicket(Ticket ticket, List<TimelineEntry> entries) {
        entries.add(new TimelineEntry(ticket.createdAt(), "ticket", "OPENED", ticket.title(), ticket.id()));
        if (ticket.handler() != null && ticket.handlerSince() != null) {
            entries.add(new TimelineEntry(ticket.handlerSince(), "ticket", "CLAIMED", ticket.handler(), ticket.id()));
        }
        if (ticket.resolvedAt() != null) {
            entries.add(new TimelineEntry(ticket.resolvedAt(), "ticket", "RESOLVED", ticket.title(), ticket.id()));
        }
        if (ticket.closedAt() != null) {
            entries.add(new TimelineEntry(ticket.closedAt(), "ticket", "CLOSED", ticket.title(), ticket.id()));
        }
    }
}
