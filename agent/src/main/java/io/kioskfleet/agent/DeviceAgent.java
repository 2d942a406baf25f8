package io.kioskfleet.agent;

import io.kioskfleet.protocol.checkin.CheckInAnswer;
import io.kioskfleet.protocol.checkin.CheckInRequest;
import io.kioskfleet.protocol.checkin.DeviceActivity;
import io.kioskfleet.protocol.checkin.ManagedState;
import io.kioskfleet.protocol.commands.CommandReceipt;
import io.kioskfleet.protocol.commands.CommandResult;
import io.kioskfleet.protocol.enrollment.EnrollmentAnswer;
import io.kioskfleet.protocol.enrollment.EnrollmentRequest;
import io.kioskfleet.protocol.policy.DevicePolicy;
import java.net.URI;
import java.util.function.Function;

/**
 * The agent's own steps on one device, over its state directory: enroll once, then check in,
 * keeping the policy the server sends (and refusing one whose ETag does not match its content).
 */
public final class DeviceAgent {

    private final StateDirectory state;
    private final Function<URI, FleetServerClient> clients;
    private final String agentVersion;

    /**
     * @param clients makes the client for a server address (tests pass one with short retries)
     */
    public DeviceAgent(StateDirectory state, Function<URI, FleetServerClient> clients, String agentVersion) {
        this.state = state;
        this.clients = clients;
        this.agentVersion = agentVersion;
    }

    /** Enrolls with {@code server}: creates the key on first use and keeps the identity the server gives. */
    public EnrolledIdentity enroll(URI server, String token, String serial) {
        EnrollmentRequest request = new EnrollmentRequest(token, serial, state.keys().publicKeyText(), agentVersion);
        try (FleetServerClient client = clients.apply(server)) {
            EnrollmentAnswer answer = client.enroll(request);
            EnrolledIdentity identity = new EnrolledIdentity(server.toString(), answer.deviceId(), answer.ouId(), serial,
                answer.enrolledAt());
            state.saveIdentity(identity);
            return identity;
        }
    }

    /**
     * Checks in with the server it enrolled with, reporting {@code activity} and its inventory.
     *
     * @param desk the desk the device is at, or null
     * @throws IllegalStateException when the device has not enrolled
     */
    public CheckInOutcome checkIn(DeviceActivity activity, String desk) {
        return checkIn(activity, desk, state.policy().map(DevicePolicy::etag).orElse(null));
    }

    /** Checks in claiming no policy, so the server sends the policy in force again (REFRESH_POLICY). */
    public CheckInOutcome refreshPolicy(DeviceActivity activity, String desk) {
        return checkIn(activity, desk, null);
    }

    /** Tells the server the device received command {@code commandId}. */
    public CommandReceipt acknowledge(String commandId) {
        return withServer((client, identity) -> client.acknowledge(identity.deviceId(), state.keys(), commandId));
    }

    /** Reports the outcome of command {@code commandId}. */
    public CommandReceipt report(String commandId, CommandResult result) {
        return withServer((client, identity) -> client.report(identity.deviceId(), state.keys(), commandId, result));
    }

    private CheckInOutcome checkIn(DeviceActivity activity, String desk, String held) {
        CheckInRequest request = new CheckInRequest(activity, LocalInventory.read(agentVersion, desk), held);
        CheckInAnswer answer = withServer((client, identity) -> client.checkIn(identity.deviceId(), state.keys(), request));
        if (answer.state() == ManagedState.ENROLLED && state.lostMode().isPresent()) {
            state.leaveLostMode(); // an admin unlocked the device
        }
        boolean changed = answer.policy() != null;
        if (changed) {
            if (!answer.policy().hasConsistentEtag()) {
                throw new IllegalStateException("the server sent a policy whose ETag does not match its content");
            }
            state.savePolicy(answer.policy());
        }
        return new CheckInOutcome(answer, changed);
    }

    /** Something done with a client of the server the device enrolled with. */
    private interface ServerCall<T> {
        T call(FleetServerClient client, EnrolledIdentity identity);
    }

    private <T> T withServer(ServerCall<T> call) {
        EnrolledIdentity identity = state.identity()
            .orElseThrow(() -> new IllegalStateException("not enrolled yet: run 'kioskfleet-agent enroll' first"));
        try (FleetServerClient client = clients.apply(URI.create(identity.server()))) {
            return call.call(client, identity);
        }
    }

    /**
     * What one check-in did.
     *
     * @param answer        the server's answer
     * @param policyChanged true when a new policy arrived and was kept
     */
    public record CheckInOutcome(CheckInAnswer answer, boolean policyChanged) {
    }
}
