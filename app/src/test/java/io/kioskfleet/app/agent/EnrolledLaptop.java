package io.kioskfleet.app.agent;

import io.kioskfleet.agent.DeviceAgent;
import io.kioskfleet.agent.EnrolledIdentity;
import io.kioskfleet.agent.FleetServerClient;
import io.kioskfleet.agent.RetryPolicy;
import io.kioskfleet.agent.StateDirectory;
import io.kioskfleet.app.ApiClient;
import io.kioskfleet.protocol.checkin.DeviceActivity;
import io.kioskfleet.protocol.sessions.SessionEndReason;
import io.kioskfleet.protocol.signing.DeviceKeyPair;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** A laptop running the real reference agent, with its own state directory, against the running service. */
public final class EnrolledLaptop {

    private static final RetryPolicy QUICK = new RetryPolicy(2, Duration.ofMillis(50), Duration.ofMillis(100));

    final URI server;
    final StateDirectory state;
    final DeviceAgent agent;
    EnrolledIdentity identity;

    public EnrolledLaptop(int port) {
        this.server = URI.create("http://127.0.0.1:" + port);
        try {
            Path dir = Files.createTempDirectory("kioskfleet-agent-");
            dir.toFile().deleteOnExit();
            this.state = new StateDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.agent = new DeviceAgent(state, uri -> new FleetServerClient(uri, QUICK, Clock.systemUTC()), "test-agent");
    }

    /** A laptop an admin pre-registered in {@code ouId}, enrolled with a one-use token, that checked in once (and so holds its policy). */
    public static EnrolledLaptop enrolledIn(ApiClient admin, int port, String ouId, String serial) {
        if (admin.post("/api/v1/devices", "{\"serial\":\"" + serial + "\",\"ouId\":\"" + ouId + "\"}").status() != 201) {
            throw new IllegalStateException("could not pre-register " + serial);
        }
        String token = admin.post("/api/v1/enrollment-tokens", "{\"ouId\":\"" + ouId + "\",\"maxUses\":1}").text("secret");
        EnrolledLaptop laptop = new EnrolledLaptop(port).enroll(token, serial);
        laptop.checkIn();
        return laptop;
    }

    /** A guest session that starts, ends on timeout and is wiped in {@code sessionDir}, all by the real agent; returns its id. */
    public String guestSessionWipedIn(Path sessionDir) {
        String sessionId = agent.startSession(null, "3F-A-12").sessionId();
        agent.endSession(SessionEndReason.TIMEOUT);
        agent.wipe(sessionDir);
        return sessionId;
    }

    /** A guest session that starts and is still running; returns its id. */
    public String guestSessionStarted() {
        return agent.startSession(null, "3F-A-12").sessionId();
    }

    public EnrolledLaptop enroll(String token, String serial) {
        identity = agent.enroll(server, token, serial);
        return this;
    }

    public DeviceAgent.CheckInOutcome checkIn() {
        return agent.checkIn(DeviceActivity.IDLE, "3F-A-12");
    }

    /** Reports a fault through the real agent. */
    public void reportFault(io.kioskfleet.protocol.faults.FaultCategory category, String message, String log) {
        agent.reportFault(category, message, log);
    }

    public String deviceId() {
        return identity.deviceId();
    }

    DeviceKeyPair keys() {
        return state.keys();
    }
}
