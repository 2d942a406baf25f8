package io.kioskfleet.core.timeline;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.audit.AuditChain;
import io.kioskfleet.core.checkin.PresenceRepository;
import io.kioskfleet.core.commands.CommandQuery;
import io.kioskfleet.core.commands.DeviceCommands;
import io.kioskfleet.core.devices.DeviceRegistry;
import io.kioskfleet.core.faults.DeviceFaults;
import io.kioskfleet.core.sessions.SessionLedger;
import io.kioskfleet.core.store.PageRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Puts a device's history in one list, newest first: the admin changes (from the audit chain,
 * for those who may read it), the commands sent to it, its sessions with how their wipe ended,
 * and the faults it reported. Each part shows at most {@value #PER_PART} entries.
 */
public final class DeviceTimeline {

    static final int PER_PART = 100;

    private final DeviceRegistry devices;
    private final AuditChain audit;
    private final DeviceCommands commands;
    private final SessionLedger sessions;
    private final DeviceFaults faults;
    private final PresenceRepository presence;

    public DeviceTimeline(DeviceRegistry devices, AuditChain audit, DeviceCommands commands, SessionLedger sessions,
                          DeviceFaults faults, PresenceRepository presence) {
        this.faults = faults;
        this.presence = presence;
        this.devices = devices;
        this.audit = audit;
        this.commands = commands;
        this.sessions = sessions;
    }

    /** The device's history as far as the actor may see it. */
    public List<TimelineEntry> of(Actor actor, String deviceId) {
        devices.get(actor, deviceId);
        List<TimelineEntry> entries = new ArrayList<>();
        if (audit.readableBy(actor)) {
            audit.forTarget(actor, deviceId).stream().limit(PER_PART).forEach(event -> entries.add(
                new TimelineEntry(event.at(), "change", event.action(), event.actor(), event.id())));
        }
        commands.search(actor, new CommandQuery(deviceId, null), new PageRequest(0, PER_PART)).items()
            .forEach(command -> entries.add(new TimelineEntry(command.issuedAt(), "command", command.type().name(),
                command.state().name(), command.id())));
        sessions.ofDevice(actor, deviceId, new PageRequest(0, PER_PART)).items()
            .forEach(session -> entries.add(new TimelineEntry(session.startedAt(), "session",
                session.endReason() == null ? "RUNNING" : session.endReason().name(), session.state().name(), session.id())));
        faults.ofDevice(actor, deviceId, new PageRequest(0, PER_PART)).items()
            .forEach(fault -> entries.add(new TimelineEntry(fault.observedAt(), "fault", fault.category().name(),
                fault.message(), fault.id())));
        presence.find(deviceId).ifPresent(seen -> seen.recentCheckIns().forEach(at -> entries.add(
            new TimelineEntry(at, "checkin", "CHECKIN", at.equals(seen.lastSeenAt()) ? seen.sourceAddress() : null, null))));
        entries.sort(Comparator.comparing(TimelineEntry::at).reversed());
        return entries;
    }
}
