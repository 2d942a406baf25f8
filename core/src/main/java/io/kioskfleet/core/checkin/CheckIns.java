package io.kioskfleet.core.checkin;

import io.kioskfleet.core.commands.CommandDelivery;
import io.kioskfleet.core.commands.LostDeviceContacts;
import io.kioskfleet.core.deviceauth.AuthenticatedDevice;
import io.kioskfleet.core.input.InputCheck;
import io.kioskfleet.core.input.Rule;
import io.kioskfleet.core.policies.EffectivePolicies;
import io.kioskfleet.protocol.checkin.CheckInAnswer;
import io.kioskfleet.protocol.checkin.CheckInRequest;
import io.kioskfleet.protocol.checkin.Inventory;
import io.kioskfleet.protocol.checkin.ManagedState;
import io.kioskfleet.protocol.commands.DeviceCommand;
import io.kioskfleet.protocol.policy.DevicePolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * A device's periodic check-in: its report is noted (written in bulk later), and it learns
 * whether its policy is current, and if not gets the compiled one, plus the server's time and
 * when to come back, and the commands waiting for it. A locked device gets no policy, only the
 * order to stay locked and its LOCK and WIPE commands, and each of its contacts is recorded.
 */
public final class CheckIns {

    static final int MAX_TEXT = 200;

    private final EffectivePolicies policies;
    private final PresenceWriter presence;
    private final CommandDelivery commands;
    private final LostDeviceContacts lostContacts;
    private final CheckInInterval interval;
    private final Clock clock;

    public CheckIns(EffectivePolicies policies, PresenceWriter presence, CommandDelivery commands,
                    LostDeviceContacts lostContacts, CheckInInterval interval, Clock clock) {
        this.policies = policies;
        this.presence = presence;
        this.commands = commands;
        this.lostContacts = lostContacts;
        this.interval = interval;
        this.clock = clock;
    }

    /**
     * Answers the check-in of an authenticated device.
     *
     * @param sourceAddress the address the request came from
     */
    public CheckInAnswer checkIn(AuthenticatedDevice device, CheckInRequest report, String sourceAddress) {
        check(report);
        Instant now = clock.instant();
        presence.note(new DevicePresence(device.deviceId(), now, sourceAddress, report.activity(), report.inventory(),
            report.policyEtag()));
        int next = interval.secondsFor(device.deviceId());
        if (device.locked()) {
            lostContacts.note(device.deviceId(), sourceAddress, report.inventory().ipAddress());
            return new CheckInAnswer(ManagedState.LOCKED, false, null, null, now, next, commands.deliver(device));
        }
        List<DeviceCommand> waiting = commands.deliver(device);
        DevicePolicy policy = policies.payloadForDevice(device.deviceId(), device.ouId());
        boolean current = policy.etag().equals(report.policyEtag());
        return new CheckInAnswer(ManagedState.ENROLLED, current, current ? null : policy, policy.etag(), now, next,
            waiting);
    }

    private static void check(CheckInRequest report) {
        InputCheck check = new InputCheck();
        check.require(report.activity() != null, "activity", Rule.NOT_ONE_OF, "IDLE, IN_SESSION, WIPING");
        check.require(report.policyEtag() == null || report.policyEtag().length() <= 64, "policyEtag", Rule.TOO_LONG, 64);
        Inventory inventory = report.inventory();
        if (inventory == null) {
            check.reject("inventory", Rule.REQUIRED);
        } else {
            text(check, "inventory.model", inventory.model());
            text(check, "inventory.osVersion", inventory.osVersion());
            text(check, "inventory.agentVersion", inventory.agentVersion());
            text(check, "inventory.ipAddress", inventory.ipAddress());
            text(check, "inventory.currentDesk", inventory.currentDesk());
            check.require(inventory.freeDiskBytes() == null || inventory.freeDiskBytes() >= 0, "inventory.freeDiskBytes", Rule.NEGATIVE);
            check.require(inventory.batteryPercent() == null
                || (inventory.batteryPercent() >= 0 && inventory.batteryPercent() <= 100), "inventory.batteryPercent", Rule.OUT_OF_RANGE, 0, 100);
        }
        check.orThrow();
    }

    private static void text(InputCheck check, String path, String value) {
        check.require(value == null || value.length() <= MAX_TEXT, path, Rule.TOO_LONG, MAX_TEXT);
    }
}
