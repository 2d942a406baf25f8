package io.kioskfleet.core.commands;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.access.Role;
import io.kioskfleet.core.audit.AuditChain;
import io.kioskfleet.core.audit.Change;
import io.kioskfleet.core.devices.Device;
import io.kioskfleet.core.devices.DeviceQuery;
import io.kioskfleet.core.devices.DeviceRegistry;
import io.kioskfleet.core.devices.DeviceStatus;
import io.kioskfleet.core.input.InvalidInputException;
import io.kioskfleet.core.input.Rule;
import io.kioskfleet.core.ous.OrganisationUnits;
import io.kioskfleet.core.ous.OuScope;
import io.kioskfleet.core.store.ConflictException;
import io.kioskfleet.core.store.IdKind;
import io.kioskfleet.core.store.NotFoundException;
import io.kioskfleet.core.store.Page;
import io.kioskfleet.core.store.PageRequest;
import io.kioskfleet.protocol.commands.CommandPayload;
import io.kioskfleet.protocol.commands.CommandState;
import io.kioskfleet.protocol.commands.CommandType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The admin's side of device commands: issuing them (for a device, a selection or a unit),
 * the emergency stop of a lost device and its unlocking, cancelling, and reading them. Every
 * change is written to the audit chain; branch admins only reach devices of their units.
 */
public final class DeviceCommands {

    private static final Role[] ISSUERS = {Role.FLEET_ADMIN, Role.BRANCH_ADMIN, Role.HELPDESK};
    private static final int DEVICE_PAGE = PageRequest.MAX_SIZE;

    private final CommandRepository commands;
    private final CommandInbox inbox;
    private final DeviceRegistry devices;
    private final OrganisationUnits units;
    private final AuditChain audit;
    private final Clock clock;

    public DeviceCommands(CommandRepository commands, CommandInbox inbox, DeviceRegistry devices, OrganisationUnits units,
                          AuditChain audit, Clock clock) {
        this.commands = commands;
        this.inbox = inbox;
        this.devices = devices;
        this.units = units;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Issues one command per targeted device: the named ones (all must exist for the actor, or
     * nothing is issued), or every device of a unit and its sub-units. Retired and never-enrolled
     * devices are skipped. A LOCK also locks each device at once.
     */
    public IssueReport issue(Actor actor, CommandOrder order) {
        actor.requireAny(ISSUERS);
        order.check();
        List<Device> targets = targetsOf(actor, order);
        Instant now = clock.instant();
        List<IssueReport.DeviceOutcome> outcomes = new ArrayList<>();
        int issued = 0;
        for (Device device : targets) {
            IssueReport.DeviceOutcome outcome = issueTo(actor, order, device, now);
            if (outcome.outcome() == IssueReport.Outcome.ISSUED) {
                issued++;
            }
            outcomes.add(outcome);
        }
        return new IssueReport(order.type(), issued, outcomes);
    }

    /** The emergency stop for a lost device: a LOCK command and the device locked, in one call. */
    public IssueReport lock(Actor actor, String deviceId, String reason) {
        return issue(actor, CommandOrder.forDevice(CommandType.LOCK, deviceId, new CommandPayload(null, null, reason)));
    }

    /** Returns a found device to the fleet; LOCK commands it has not acknowledged yet are cancelled. */
    public Device unlock(Actor actor, String deviceId) {
        Device unlocked = devices.unlock(actor, deviceId);
        for (String id : inbox.storedCommandIdsOf(deviceId)) {
            commands.find(id).filter(command -> command.type() == CommandType.LOCK && command.pending())
                .ifPresent(command -> cancelRecorded(actor, command));
        }
        return unlocked;
    }

    private List<Device> targetsOf(Actor actor, CommandOrder order) {
        if (order.deviceIds() != null) {
            // Every id first: an unknown or foreign device stops the whole request before anything is written.
            return order.deviceIds().stream().map(id -> devices.get(actor, id)).toList();
        }
        units.requireInScope(actor, order.ouId());
        if (!units.exists(order.ouId())) {
            throw new InvalidInputException("ouId", Rule.UNKNOWN_UNIT, order.ouId());
        }
        List<Device> all = new ArrayList<>();
        DeviceQuery inUnit = new DeviceQuery(order.ouId(), true, null, null);
        for (int page = 0; ; page++) {
            Page<Device> found = devices.search(actor, inUnit, new PageRequest(page, DEVICE_PAGE));
            all.addAll(found.items());
            if (found.items().size() < DEVICE_PAGE) {
                return all;
            }
        }
    }

    private IssueReport.DeviceOutcome issueTo(Actor actor, CommandOrder order, Device device, Instant now) {
        if (device.status() == DeviceStatus.RETIRED || device.status() == DeviceStatus.PREREGISTERED) {
            return new IssueReport.DeviceOutcome(device.id(), IssueReport.Outcome.SKIPPED, null,
                "device is " + device.status() + " and cannot receive commands");
        }
        String id = IdKind.COMMAND.newId();
        String issueKey = order.idempotencyKey() == null ? id : order.idempotencyKey() + "/" + device.id();
        Command existing = commands.findByIssueKey(issueKey).orElse(null);
        IssueReport.DeviceOutcome outcome = existing != null ? already(existing) : create(actor, order, device, id, issueKey, now);
        if (order.type() == CommandType.LOCK && device.status() == DeviceStatus.ENROLLED) {
            devices.lock(actor, device.id());
        }
        return outcome;
    }

    private IssueReport.DeviceOutcome create(Actor actor, CommandOrder order, Device device, String id, String issueKey,
                                             Instant now) {
        Command command = new Command(id, device.id(), device.ouId(), order.type(), order.payloadForType(),
            CommandState.QUEUED, actor.username(), now, now.plus(order.expiresIn()), null, null, null, null, issueKey, null, null,
            1);
        try {
            audit.record(actor, Change.created("command.issue", CommandRepository.COLLECTION, "command", id, 1, command),
                () -> {
                    // The inbox first: a crash after it leaves a stray id (dropped on delivery), never a lost command.
                    inbox.add(device.id(), id);
                    if (!commands.insert(command)) {
                        throw new ConflictException("already-issued", "issued meanwhile by a retry of the same request");
                    }
                });
        } catch (ConflictException raced) {
            return commands.findByIssueKey(issueKey).map(DeviceCommands::already).orElseThrow(() -> raced);
        }
        return new IssueReport.DeviceOutcome(device.id(), IssueReport.Outcome.ISSUED, id, null);
    }

    private static IssueReport.DeviceOutcome already(Command existing) {
        return new IssueReport.DeviceOutcome(existing.deviceId(), IssueReport.Outcome.ALREADY_ISSUED, existing.id(),
            "this idempotency key was used for the device before");
    }

    /** Takes back a command the device has not acknowledged yet; cancelling a cancelled command changes nothing. */
    public Command cancel(Actor actor, String id) {
        actor.requireAny(ISSUERS);
        Command current = get(actor, id);
        if (current.state() == CommandState.CANCELLED) {
            return current;
        }
        if (!current.pending()) {
            throw new ConflictException("command-not-cancellable", "command " + id + " is " + current.state()
                + "; only a QUEUED or DELIVERED command can be cancelled");
        }
        return cancelRecorded(actor, current);
    }

    private Command cancelRecorded(Actor actor, Command current) {
        Command changed = current.closed(CommandState.CANCELLED, clock.instant());
        audit.record(actor, Change.changed("command.cancel", CommandRepository.COLLECTION, "command", current.id(),
            changed.version(), current, changed), () -> {
                commands.replace(changed, current.version());
                inbox.remove(current.deviceId(), current.id());
            });
        return changed;
    }

    /** One command the actor may see. */
    public Command get(Actor actor, String id) {
        actor.requireAny(Role.FLEET_ADMIN, Role.BRANCH_ADMIN, Role.HELPDESK, Role.AUDITOR);
        Command command = commands.find(id).orElseThrow(() -> new NotFoundException("command", id));
        if (!units.scopeOf(actor).contains(command.ouId())) {
            throw new NotFoundException("command", id);
        }
        return command;
    }

    /**
     * One page of the commands the actor may see, newest first. Expiry is applied when a device
     * checks in, so a command past its expiry may still show QUEUED here until then.
     */
    public Page<Command> search(Actor actor, CommandQuery query, PageRequest page) {
        actor.requireAny(Role.FLEET_ADMIN, Role.BRANCH_ADMIN, Role.HELPDESK, Role.AUDITOR);
        OuScope scope = units.scopeOf(actor);
        return commands.search(query, scope.everything() ? null : scope.ouIds(), page);
    }
}
