package io.kioskfleet.core.commands;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.deviceauth.AuthenticatedDevice;
import io.kioskfleet.core.devices.DeviceRegistry;
import io.kioskfleet.core.input.InvalidInputException;
import io.kioskfleet.core.input.Rule;
import io.kioskfleet.core.store.ConflictException;
import io.kioskfleet.core.store.NotFoundException;
import io.kioskfleet.protocol.commands.CommandReceipt;
import io.kioskfleet.protocol.commands.CommandResult;
import io.kioskfleet.protocol.commands.CommandState;
import io.kioskfleet.protocol.commands.CommandType;
import io.kioskfleet.protocol.commands.DeviceCommand;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import io.kioskfleet.core.background.Subscribers;

/**
 * The device's side of commands: handing pending ones over at check-in (a device with none
 * costs no store read), and taking acknowledgements and results, each idempotent. A locked
 * device only receives LOCK and WIPE. Commands past their expiry are marked EXPIRED when the
 * device next checks in, instead of being delivered; a wave's command waits until its not-before time.
 */
public final class CommandDelivery {

    private final CommandRepository commands;
    private final CommandInbox inbox;
    private final DeviceRegistry devices;
    private final Clock clock;
    private final Subscribers<Command> finished = new Subscribers<>("command finished");

    public CommandDelivery(CommandRepository commands, CommandInbox inbox, DeviceRegistry devices, Clock clock) {
        this.commands = commands;
        this.inbox = inbox;
        this.devices = devices;
        this.clock = clock;
    }

    /** The commands to hand to {@code device} now, oldest first; each moves to DELIVERED. */
    public List<DeviceCommand> deliver(AuthenticatedDevice device) {
        List<String> ids = inbox.commandIdsOf(device.deviceId());
        if (ids.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<Command> handed = new ArrayList<>();
        for (String id : ids) {
            Command command = commands.find(id).orElse(null);
            if (command == null || !command.pending() || !command.deviceId().equals(device.deviceId())) {
                inbox.remove(device.deviceId(), id);
            } else if (command.expiredAt(now)) {
                commands.transition(id, current -> current.pending() ? current.closed(CommandState.EXPIRED, now) : current);
                inbox.remove(device.deviceId(), id);
            } else if (!command.waitingAt(now) && (!device.locked() || command.reachesLostDevice())) {
                handed.add(commands.transition(id, current -> current.state() == CommandState.QUEUED
                    ? current.delivered(now) : current));
            }
        }
        return handed.stream().filter(Command::pending).sorted(Comparator.comparing(Command::issuedAt))
            .map(Command::toWire).toList();
    }

    /** The device confirms it received a command; repeating it changes nothing. */
    public CommandReceipt acknowledge(AuthenticatedDevice device, String commandId) {
        ownCommand(device, commandId);
        Instant now = clock.instant();
        Command after = commands.transition(commandId, current -> {
            requireOpen(current);
            return current.pending() ? current.acked(now) : current;
        });
        inbox.remove(device.deviceId(), commandId);
        return new CommandReceipt(commandId, after.state());
    }

    /**
     * The device reports the outcome of a command. The same report again changes nothing; a
     * different one after the first is a conflict. A successful RETIRE retires the device.
     */
    public CommandReceipt report(AuthenticatedDevice device, String commandId, CommandResult result, String sourceAddress) {
        if (result.detail() != null && result.detail().length() > CommandOrder.MAX_TEXT) {
            throw new InvalidInputException("detail", Rule.TOO_LONG, CommandOrder.MAX_TEXT);
        }
        Command before = ownCommand(device, commandId);
        Instant now = clock.instant();
        Command after = commands.transition(commandId, current -> {
            requireOpen(current);
            if (current.result() == null) {
                return current.finished(result, now);
            }
            if (current.result().success() != result.success() || !Objects.equals(current.result().detail(), result.detail())) {
                throw new ConflictException("result-differs", "command " + commandId
                    + " already has another result (" + current.state() + "); a result cannot change");
            }
            return current;
        });
        inbox.remove(device.deviceId(), commandId);
        if (before.result() == null) {
            finished.tell(after);
        }
        if (after.type() == CommandType.RETIRE && after.state() == CommandState.SUCCEEDED) {
            devices.retireOnCommand(Actor.device(device.deviceId(), sourceAddress), device.deviceId(), commandId);
        }
        return new CommandReceipt(commandId, after.state());
    }

    /** Calls {@code subscriber} with each command once the device has reported its result (SUCCEEDED or FAILED). */
    public void whenFinished(Consumer<Command> subscriber) {
        finished.add(subscriber);
    }

    /** The command, if it is this device's; another device's command does not exist for it. */
    private Command ownCommand(AuthenticatedDevice device, String commandId) {
        return commands.find(commandId).filter(command -> command.deviceId().equals(device.deviceId()))
            .orElseThrow(() -> new NotFoundException("command", commandId));
    }

    private static void requireOpen(Command command) {
        if (command.state() == CommandState.CANCELLED || command.state() == CommandState.EXPIRED) {
            throw new ConflictException("command-closed", "command " + command.id() + " is " + command.state()
                + "; it must not be carried out");
        }
    }
}
