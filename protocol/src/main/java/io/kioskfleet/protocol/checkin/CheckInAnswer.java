package io.kioskfleet.protocol.checkin;

import io.kioskfleet.protocol.commands.DeviceCommand;
import io.kioskfleet.protocol.policy.DevicePolicy;
import java.time.Instant;
import java.util.List;

/**
 * The server's answer to a check-in. On the wire a device whose policy is current gets
 * {@code 304} with no body (the other fields in headers); this record then has
 * {@code notModified} set and no policy. A device with commands waiting gets {@code 200} even
 * when its policy is current, so the commands reach it.
 *
 * @param state              how the server sees the device
 * @param notModified        true when the policy the device holds is current
 * @param policy             the compiled policy, when the device's is not current (null when locked)
 * @param policyEtag         the ETag of the policy in force (null when locked)
 * @param serverTime         the server's clock, so the device can tell its own is off
 * @param nextCheckInSeconds when to check in next, set by the server and spread per device
 * @param commands           commands for the device, oldest first (never null; a locked device only gets LOCK and WIPE)
 */
public record CheckInAnswer(ManagedState state, boolean notModified, DevicePolicy policy, String policyEtag,
                            Instant serverTime, int nextCheckInSeconds, List<DeviceCommand> commands) {

    public CheckInAnswer {
        commands = commands == null ? List.of() : List.copyOf(commands);
    }

    /** An answer without commands (what a server before commands sent). */
    public CheckInAnswer(ManagedState state, boolean notModified, DevicePolicy policy, String policyEtag,
                         Instant serverTime, int nextCheckInSeconds) {
        this(state, notModified, policy, policyEtag, serverTime, nextCheckInSeconds, List.of());
    }

    /** True when the answer can go as {@code 304}: the policy is current and no command waits. */
    public boolean nothingNew() {
        return notModified && commands.isEmpty();
    }
}
