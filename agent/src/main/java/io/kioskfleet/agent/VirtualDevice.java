package io.kioskfleet.agent;

import io.kioskfleet.protocol.checkin.DeviceActivity;
import io.kioskfleet.protocol.commands.CommandResult;
import io.kioskfleet.protocol.commands.CommandType;
import io.kioskfleet.protocol.commands.DeviceCommand;
import io.kioskfleet.protocol.sessions.SessionEndReason;
import io.kioskfleet.protocol.sessions.SessionState;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * One laptop of a {@link FleetSimulator}: the real {@link DeviceAgent} over its own state
 * directory, enrolling once, checking in when due and holding guest sessions at a desk, each
 * ended for a random reason and followed by the wipe of a small session directory (a few files
 * and a certificate the guest policy keeps) and its signed attestation. Not thread-safe: the
 * simulator runs one step of a device at a time.
 */
final class VirtualDevice {

    private static final List<SessionEndReason> END_REASONS =
        List.of(SessionEndReason.TIMEOUT, SessionEndReason.IDLE, SessionEndReason.USER);
    /** What a guest leaves behind; the certificate is in the store the guest policy keeps. */
    private static final Map<String, String> SESSION_FILES = Map.of(
        "downloads/申請書.pdf", "a resident's application form",
        "browserData/Default/History", "pages visited",
        "caches/thumbnails.db", "thumbnails",
        "temp/draft.docx", "a draft letter",
        "sessionProfile/AppData/Roaming/Microsoft/SystemCertificates/My/lgwan-root.cer", "the LGWAN root certificate");

    private final String serial;
    private final SimulationPlan plan;
    private final SimulationTally tally;
    private final StateDirectory state;
    private final DeviceAgent agent;
    private final OneShotCommands commands;
    private final Path sessionDir;
    private final String desk;
    private Instant nextCheckIn = Instant.MIN;
    private Instant nextSessionStep;
    private String lastFailure;

    VirtualDevice(String serial, SimulationPlan plan, Function<URI, FleetServerClient> clients, String agentVersion,
                  SimulationTally tally) {
        this.serial = serial;
        this.plan = plan;
        this.tally = tally;
        Path dir = FleetSimulator.stateDirOf(plan.stateDir(), serial).getParent();
        this.state = new StateDirectory(dir.resolve("state"));
        this.agent = new DeviceAgent(state, clients, agentVersion);
        this.commands = new OneShotCommands(agent, state, new PrintStream(OutputStream.nullOutputStream()), null);
        this.sessionDir = dir.resolve("session");
        this.desk = deskOf(serial);
        if (state.identity().isPresent()) {
            tally.enrolled();
        }
    }

    String serial() {
        return serial;
    }

    /**
     * Does what is due at {@code now}: enrolls if it has not, checks in, starts, ends or wipes a
     * session; returns how long until the next thing is due.
     */
    Duration step(Instant now) {
        if (state.identity().isEmpty()) {
            agent.enroll(plan.server(), plan.token(), serial);
            tally.enrolled();
        }
        if (!now.isBefore(nextCheckIn)) {
            checkIn(now);
        }
        if (state.policy().isPresent() && state.lostMode().isEmpty()) {
            sessionStep(now);
        }
        lastFailure = null;
        Instant next = nextSessionStep == null || nextCheckIn.isBefore(nextSessionStep) ? nextCheckIn : nextSessionStep;
        return Duration.between(now, next);
    }

    /** Notes a failed step; returns its message when it differs from the last failure (worth printing). */
    String failed(RuntimeException failure) {
        tally.failed();
        String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        boolean fresh = !message.equals(lastFailure);
        lastFailure = message;
        return fresh ? message : null;
    }

    private void checkIn(Instant now) {
        boolean inSession = state.session().filter(session -> session.endedAt() == null).isPresent();
        var answer = agent.checkIn(inSession ? DeviceActivity.IN_SESSION : DeviceActivity.IDLE, desk).answer();
        tally.checkedIn();
        List<DeviceCommand> others = new ArrayList<>();
        for (DeviceCommand command : answer.commands()) {
            if (command.type() == CommandType.WIPE) {
                wipeOnCommand(command, now);
            } else {
                others.add(command);
            }
        }
        commands.carryOut(others);
        Duration interval = plan.checkInInterval() == null ? Duration.ofSeconds(answer.nextCheckInSeconds())
            : spread(plan.checkInInterval());
        nextCheckIn = now.plus(interval);
    }

    /**
     * A wave's WIPE, as {@code kioskfleet-agent run} carries it out: the running session ends, its
     * files are erased and attested, and the next session starts after a pause.
     */
    private void wipeOnCommand(DeviceCommand command, Instant now) {
        agent.acknowledge(command.id());
        String detail = "no session to end";
        if (state.session().isPresent()) {
            if (state.session().get().endedAt() == null) {
                agent.endSession(SessionEndReason.COMMAND);
            }
            if (agent.wipe(sessionDir).receipt().state() == SessionState.VERIFIED) {
                tally.attestationAccepted();
            }
            nextSessionStep = now.plus(plan.pacing().pause());
            detail = "session ended and wiped";
        }
        agent.report(command.id(), new CommandResult(true, detail));
    }

    private void sessionStep(Instant now) {
        if (nextSessionStep == null) {
            nextSessionStep = now.plus(plan.pacing().pause());
        }
        if (now.isBefore(nextSessionStep)) {
            return;
        }
        CurrentSession current = state.session().orElse(null);
        if (current == null) {
            leaveSessionFiles();
            agent.startSession(null, desk);
            tally.sessionStarted();
            nextSessionStep = now.plus(plan.pacing().session());
            return;
        }
        if (current.endedAt() == null) {
            agent.endSession(END_REASONS.get(ThreadLocalRandom.current().nextInt(END_REASONS.size())));
        }
        if (agent.wipe(sessionDir).receipt().state() == SessionState.VERIFIED) {
            tally.attestationAccepted();
        }
        nextSessionStep = now.plus(plan.pacing().pause());
    }

    private void leaveSessionFiles() {
        try {
            for (var file : SESSION_FILES.entrySet()) {
                Path path = sessionDir.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue() + " (" + serial + ")", StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the session files of " + serial, e);
        }
    }

    /** {@code interval} with up to a fifth added or taken off at random, so devices do not move in step. */
    private static Duration spread(Duration interval) {
        long fifth = interval.toMillis() / 5;
        return interval.plusMillis(fifth == 0 ? 0 : ThreadLocalRandom.current().nextLong(-fifth, fifth + 1));
    }

    /** A desk such as {@code 3F-B-07}, always the same for a serial. */
    private static String deskOf(String serial) {
        int hash = Math.floorMod(serial.hashCode(), 4 * 6 * 20);
        return (1 + hash % 4) + "F-" + (char) ('A' + hash / 4 % 6) + "-" + String.format("%02d", 1 + hash / 24);
    }
}
