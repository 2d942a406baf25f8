package io.kioskfleet.core.overview;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.checkin.PresenceRepository;
import io.kioskfleet.core.devices.DeviceRegistry;
import io.kioskfleet.core.devices.DeviceStatus;
import io.kioskfleet.core.devices.DeviceSummary;
import io.kioskfleet.core.ous.OrganisationUnit;
import io.kioskfleet.core.ous.OrganisationUnits;
import io.kioskfleet.core.ous.OuScope;
import io.kioskfleet.core.sessions.SessionTallies;
import io.kioskfleet.core.sessions.UnitSessions;
import io.kioskfleet.core.tickets.TicketRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Computes the dashboard: for each unit the actor may see, how many devices are online, silent
 * or locked, its sessions running now and today's ended sessions and wipes, and its open
 * tickets, with the units that need attention first. Two passes over the store (devices and
 * their last check-ins), a scan of the (small) tickets and two {@code _id} reads of the session
 * counters: cheap enough for a page that refreshes every half minute.
 */
public final class FleetOverview {

    private final DeviceRegistry devices;
    private final PresenceRepository presence;
    private final OrganisationUnits units;
    private final SessionTallies sessions;
    private final TicketRepository tickets;
    private final Clock clock;
    private final Duration onlineWindow;

    public FleetOverview(DeviceRegistry devices, PresenceRepository presence, OrganisationUnits units,
                         SessionTallies sessions, TicketRepository tickets, Clock clock, Duration onlineWindow) {
        this.devices = devices;
        this.presence = presence;
        this.units = units;
        this.sessions = sessions;
        this.tickets = tickets;
        this.clock = clock;
        this.onlineWindow = onlineWindow;
    }

    /** The fleet now, as far as the actor may see it; empty for someone who sees no devices (staff). */
    public Optional<Overview> now(Actor actor) {
        if (!devices.readableBy(actor)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant onlineSince = now.minus(onlineWindow);
        Map<String, Instant> lastSeen = presence.lastSeenByDevice();
        Map<String, OrganisationUnit> byId = units.all().stream()
            .collect(Collectors.toMap(OrganisationUnit::id, Function.identity()));
        Map<String, BranchStatus> rows = new LinkedHashMap<>();
        for (DeviceSummary device : devices.summaries(actor)) {
            if (device.status() == DeviceStatus.RETIRED) {
                continue;
            }
            OrganisationUnit unit = byId.get(device.ouId());
            BranchStatus one = count(device, lastSeen.get(device.id()), onlineSince, unit);
            rows.merge(device.ouId(), one, BranchStatus::plus);
        }
        addSessionsAndTickets(actor, rows, byId);
        List<BranchStatus> branches = rows.values().stream()
            .sorted(Comparator.comparingInt(BranchStatus::trouble).reversed().thenComparing(BranchStatus::name))
            .toList();
        BranchStatus totals = branches.stream().reduce(BranchStatus.empty("", "", 0), BranchStatus::plus);
        return Optional.of(new Overview(now, onlineWindow, totals, branches));
    }

    /** Today's sessions and the open tickets of each unit in the actor's scope, with or without devices. */
    private void addSessionsAndTickets(Actor actor, Map<String, BranchStatus> rows, Map<String, OrganisationUnit> byId) {
        OuScope scope = units.scopeOf(actor);
        Map<String, UnitSessions> today = sessions.today();
        Map<String, Integer> open = tickets.openByUnit();
        Set<String> ouIds = new HashSet<>(today.keySet());
        ouIds.addAll(open.keySet());
        for (String ouId : ouIds) {
            OrganisationUnit unit = byId.get(ouId);
            if (unit != null && scope.contains(ouId)) {
                rows.computeIfAbsent(ouId, id -> BranchStatus.empty(id, unit.name(), unit.travelMinutes()));
            }
        }
        rows.replaceAll((ouId, row) -> row.with(today.getOrDefault(ouId, UnitSessions.NONE), open.getOrDefault(ouId, 0)));
    }

    private static BranchStatus count(DeviceSummary device, Instant seen, Instant onlineSince, OrganisationUnit unit) {
        boolean enrolled = device.status() == DeviceStatus.ENROLLED;
        boolean online = enrolled && seen != null && seen.isAfter(onlineSince);
        return new BranchStatus(device.ouId(), unit == null ? device.ouId() : unit.name(),
            unit == null ? 0 : unit.travelMinutes(), 1, online ? 1 : 0, enrolled && !online ? 1 : 0,
            device.status() == DeviceStatus.LOCKED ? 1 : 0, device.status() == DeviceStatus.PREREGISTERED ? 1 : 0,
            UnitSessions.NONE, 0);
    }
}
