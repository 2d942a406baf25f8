package io.kioskfleet.agent;

import io.kioskfleet.protocol.checkin.CheckInAnswer;
import io.kioskfleet.protocol.checkin.DeviceActivity;
import io.kioskfleet.protocol.checkin.ManagedState;
import io.kioskfleet.protocol.commands.CommandResult;
import io.kioskfleet.protocol.commands.CommandType;
import io.kioskfleet.protocol.commands.DeviceCommand;
import io.kioskfleet.protocol.policy.DevicePolicy;
import io.kioskfleet.protocol.policy.LocalizedText;
import io.kioskfleet.protocol.policy.SessionEnd;
import io.kioskfleet.protocol.policy.WipeArea;
import io.kioskfleet.protocol.sessions.SessionEndReason;
import io.kioskfleet.protocol.sessions.WipeAttestation;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One real device as a long-running process ({@code kioskfleet-agent run}): it holds sessions in
 * a guest-profile directory and ends them itself, from its own clock and even with the server
 * away, at the policy's maximum length, idle time and scheduled logout times, warning before; after
 * each it wipes the directory as the policy held at the session's start says, re-scans it and
 * signs the attestation. Session events and attestations go through the durable
 * {@link EventJournal} and reach the server when it can be reached, in order. It checks in on the
 * interval the server sets and carries out the commands it receives; the server's commands are the
 * backstop, not the clock.
 *
 * <p>Nothing here sleeps: {@link #tick()} does what is due at the clock's time, and the caller
 * calls it again and again (the command line once a second; tests after moving their clock). Not
 * thread-safe: one loop owns it.
 */
public final class DeviceRun {

    /** The first wait after the server could not be reached; it doubles up to the check-in interval. */
    static final Duration FIRST_OFFLINE_RETRY = Duration.ofSeconds(30);
    private static final Duration UNTIL_TOLD = Duration.ofMinutes(5);
    private static final int REMEMBERED_COMMANDS = 200;

    private final RunOptions options;
    private final StateDirectory state;
    private final DeviceAgent agent;
    private final EventJournal journal;
    private final Clock clock;
    private final InputActivity input;
    private final SessionNotices notices;
    /** Commands carried out, by id, so one handed over again (its answer was lost) is only reported again. */
    private final Map<String, CommandOutcome> handled = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CommandOutcome> eldest) {
            return size() > REMEMBERED_COMMANDS;
        }
    };
    /** Results the server has not taken yet, kept in the state directory too, so a restart reports them. */
    private final Map<String, CommandOutcome> unreported = new LinkedHashMap<>();
    private Instant nextCheckIn;
    private Duration interval = UNTIL_TOLD;
    private int failedContacts;
    private boolean offline;
    /** When the last session was logged out; null starts a session at once (as at boot), else at the next input. */
    private Instant loggedOutAt;
    private SessionLimits.Logout warned;
    private boolean retired;

    /**
     * @param clients makes the client for the server the device enrolled with (one pool for the process)
     * @param clock   the device's clock: it runs the session timers and dates events and wipes
     * @param input   when someone last used the device
     * @param out     where notices and warnings are printed
     */
    public DeviceRun(RunOptions options, Function<URI, FleetServerClient> clients, String agentVersion, Clock clock,
                     InputActivity input, PrintStream out) {
        this.options = options;
        this.state = new StateDirectory(options.stateDir());
        this.agent = new DeviceAgent(state, clients, agentVersion, clock);
        this.journal = new EventJournal(options.stateDir());
        this.clock = clock;
        this.input = input;
        this.notices = new SessionNotices(options.stateDir(), out);
        if (state.identity().isEmpty()) {
            throw new IllegalStateException("not enrolled yet: run 'kioskfleet-agent enroll' first");
        }
        state.unreportedResults().forEach(outcome -> {
            unreported.put(outcome.commandId(), outcome);
            handled.put(outcome.commandId(), outcome);
        });
        try {
            Files.createDirectories(options.sessionDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the session directory " + options.sessionDir(), e);
        }
    }

    /** Does what is due now: ends, wipes or starts a session, checks in and carries out commands. */
    public void tick() {
        enforceSession();
        if (!retired && (nextCheckIn == null || !clock.instant().isBefore(nextCheckIn))) {
            contactServer();
            enforceSession();
        }
    }

    /** True once the device left the fleet (a RETIRE command): the loop should stop. */
    public boolean retired() {
        return retired;
    }

    /** True while the last contact with the server failed. */
    public boolean offline() {
        return offline;
    }

    // ----- sessions, enforced on the device's clock -----

    private void enforceSession() {
        if (retired) {
            return;
        }
        CurrentSession current = state.session().orElse(null);
        if (current != null && !current.running()) {
            finishAfterRestart(current);
            current = null;
        }
        if (state.lostMode().isPresent()) {
            if (current != null) {
                logout(current, SessionEndReason.COMMAND, null);
            }
            return;
        }
        DevicePolicy policy = state.policy().orElse(null);
        if (policy == null) {
            return; // no limits known yet: the first check-in brings them
        }
        if (current == null) {
            if (loggedOutAt == null || input.lastInput().filter(at -> at.isAfter(loggedOutAt)).isPresent()) {
                start();
            }
            return;
        }
        Optional<SessionLimits.Logout> logout = SessionLimits.next(policy.session(), policy.device().timeZone(),
            current.start().startedAt(), input.lastInput().orElse(null));
        if (logout.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        if (!now.isBefore(logout.get().at())) {
            logout(current, logout.get().reason(), null);
            return;
        }
        boolean warningDue = SessionLimits.warningAt(policy.session(), logout.get()).filter(at -> !now.isBefore(at)).isPresent();
        if (warningDue && !logout.get().equals(warned)) {
            warned = logout.get();
            notices.warn(logout.get(), policy.device().timeZone());
        } else if (!warningDue && warned != null) { // input moved the idle logout away: the warning no longer holds
            warned = null;
            notices.clearWarning();
        }
    }

    private void start() {
        CurrentSession session = agent.newSession(options.user(), options.desk());
        journal.append(JournalEntry.started(session.start(), agent.now()));
        notices.say("session " + session.sessionId() + " started (" + (options.user() == null ? "guest" : options.user())
            + (options.desk() == null ? "" : ", desk " + options.desk()) + ")");
        deliverJournal();
    }

    /** Ends the running session for {@code reason}, wipes {@code areas} (null: the policy's scope) and attests it. */
    private Optional<WipeAttestation> logout(CurrentSession current, SessionEndReason reason, Collection<WipeArea> areas) {
        CurrentSession ended = agent.endLocally(reason);
        journal.append(JournalEntry.ended(ended, agent.now()));
        notices.say("session " + current.sessionId() + " ended (" + reason + ")");
        loggedOutAt = ended.endedAt();
        return wipeAndAttest(ended, areas);
    }

    /** A session found ended at start-up: the agent stopped between its end and its attestation. */
    private void finishAfterRestart(CurrentSession ended) {
        if (!journal.holds(JournalEntry.Kind.SESSION_END, ended.sessionId())) {
            // the end may have been delivered already, or never written; the same end again is harmless
            journal.append(JournalEntry.ended(ended, agent.now()));
        }
        loggedOutAt = ended.endedAt();
        if (journal.holds(JournalEntry.Kind.WIPE_ATTESTATION, ended.sessionId())) {
            state.forgetSession(); // wiped and signed; only the forgetting was cut short
            return;
        }
        wipeAndAttest(ended, null);
    }

    private Optional<WipeAttestation> wipeAndAttest(CurrentSession ended, Collection<WipeArea> areas) {
        DevicePolicy policy = agent.policyOf(ended);
        Optional<WipeAttestation> attestation = Optional.empty();
        if (policy.wipe().onLogout() || areas != null) {
            SessionWipe wipe = new SessionWipe(options.sessionDir(), policy.wipe().preserve(),
                areas == null ? policy.wipe().scope() : areas);
            attestation = Optional.of(agent.wipeAndSign(ended, wipe));
            journal.append(JournalEntry.attested(attestation.get(), agent.now()));
            notices.say("wiped: " + attestation.get().erasedFiles() + " files, " + attestation.get().erasedBytes() + " bytes"
                + " erased, " + attestation.get().remaining().size() + " kept, " + (attestation.get().clean() ? "clean"
                : "NOT clean"));
        } else {
            notices.say("the policy keeps session data (wipe.onLogout is false): nothing erased, nothing attested");
        }
        state.forgetSession();
        notices.clearWarning();
        warned = null;
        deliverJournal();
        return attestation;
    }

    // ----- the server: check-ins, the journal and commands -----

    private void contactServer() {
        Instant now = clock.instant();
        try {
            boolean inSession = state.session().filter(CurrentSession::running).isPresent();
            DeviceAgent.CheckInOutcome outcome = agent.checkIn(inSession ? DeviceActivity.IN_SESSION : DeviceActivity.IDLE,
                options.desk());
            CheckInAnswer answer = outcome.answer();
            if (offline) {
                notices.say("the server answers again");
            }
            offline = false;
            failedContacts = 0;
            interval = Duration.ofSeconds(Math.max(1, answer.nextCheckInSeconds()));
            nextCheckIn = now.plus(interval);
            if (outcome.policyChanged()) {
                notices.say("policy " + answer.policyEtag());
            }
            if (answer.state() == ManagedState.LOCKED && state.lostMode().isEmpty()) {
                state.enterLostMode("");
            }
            deliverJournal();
            reportUnreported();
            for (DeviceCommand command : answer.commands()) {
                if (!retired) {
                    carryOut(command);
                }
            }
        } catch (ServerUnreachable unreachable) {
            wentOffline(now, unreachable.getMessage());
        } catch (ServerRefusal refusal) {
            notices.say("check-in refused: " + refusal.getMessage());
            nextCheckIn = now.plus(refusal.status() == 429 ? FIRST_OFFLINE_RETRY : interval);
        }
    }

    private void wentOffline(Instant now, String why) {
        failedContacts++;
        Duration wait = FIRST_OFFLINE_RETRY.multipliedBy(1L << Math.min(failedContacts - 1, 10));
        nextCheckIn = now.plus(wait.compareTo(interval) < 0 ? wait : interval);
        if (!offline) {
            notices.say("offline (" + why + "): sessions go on by the device's clock; events wait in the journal");
        }
        offline = true;
    }

    /** Sends what the journal holds, unless the server is known to be away (the next check-in tries again). */
    private void deliverJournal() {
        if (offline) {
            return;
        }
        EventJournal.Replay replay = journal.replay(entry -> agent.deliver(entry));
        if (replay.delivered() + replay.refused() > 0) {
            notices.say("journal: " + replay.delivered() + " delivered" + (replay.refused() == 0 ? ""
                : ", " + replay.refused() + " refused (see " + EventJournal.REFUSED_FILE + ")") + ", " + replay.left() + " waiting");
        }
        if (replay.failure() != null) {
            wentOffline(clock.instant(), replay.failure());
        }
    }

    private void carryOut(DeviceCommand command) {
        CommandOutcome earlier = handled.get(command.id());
        if (earlier != null) {
            unreported.putIfAbsent(command.id(), earlier); // its report was lost: report it again, do not repeat it
            reportUnreported();
            return;
        }
        try {
            agent.acknowledge(command.id());
        } catch (ServerRefusal closed) { // cancelled or expired meanwhile: nothing to do
            notices.say("command " + command.id() + " " + command.type() + " not taken: " + closed.getMessage());
            return;
        }
        notices.say("command " + command.id() + " " + command.type());
        CommandOutcome done = new CommandOutcome(command.id(), command.type(), run(command));
        handled.put(command.id(), done);
        unreported.put(command.id(), done);
        state.saveUnreportedResults(unreported.values());
        reportUnreported();
    }

    private void reportUnreported() {
        for (Iterator<CommandOutcome> each = unreported.values().iterator(); each.hasNext(); ) {
            CommandOutcome next = each.next();
            try {
                notices.say("  " + agent.report(next.commandId(), next.result()).state() + detailOf(next.result()));
            } catch (ServerRefusal closed) {
                notices.say("  result of " + next.commandId() + " refused: " + closed.getMessage());
            }
            each.remove();
            state.saveUnreportedResults(unreported.values());
            if (next.type() == CommandType.RETIRE && next.result().success()) {
                state.forgetEnrollment();
                retired = true;
                notices.say("retired: the device left the fleet and forgot its enrollment");
                return;
            }
        }
    }

    private static String detailOf(CommandResult result) {
        return result.detail() == null ? "" : ": " + result.detail();
    }

    private CommandResult run(DeviceCommand command) {
        CurrentSession running = state.session().filter(CurrentSession::running).orElse(null);
        return switch (command.type()) {
            case LOGOUT -> {
                if (running == null) {
                    yield new CommandResult(true, "no session was running");
                }
                boolean allowed = state.policy().map(policy -> policy.session().endTriggers().contains(SessionEnd.COMMAND))
                    .orElse(true);
                if (!allowed) {
                    yield new CommandResult(false, "the policy's session.endTriggers do not let a command end a session");
                }
                yield new CommandResult(true, "session " + running.sessionId() + " ended" + wipedText(
                    logout(running, SessionEndReason.COMMAND, null)));
            }
            case WIPE -> wipe(command, running);
            case LOCK -> {
                String reason = command.payload().reason();
                state.enterLostMode(reason);
                if (running != null) {
                    logout(running, SessionEndReason.COMMAND, null);
                }
                LocalizedText shown = state.policy().map(policy -> policy.device().lostModeMessage())
                    .filter(text -> !text.ja().isBlank()).orElse(null);
                notices.say(shown == null ? OneShotCommands.LOST_MODE_MESSAGE : shown.ja() + "\n" + shown.en());
                if (reason != null) {
                    notices.say("  reason: " + reason);
                }
                yield new CommandResult(true, "locked" + (running == null ? "" : "; session " + running.sessionId() + " ended and wiped"));
            }
            case REBOOT -> {
                if (running != null) {
                    logout(running, SessionEndReason.COMMAND, null);
                }
                notices.say("rebooting (simulated: the agent's loop starts over, with a check-in and a new session)");
                nextCheckIn = clock.instant();
                loggedOutAt = null;
                warned = null;
                yield new CommandResult(true, "rebooted (simulated by the reference agent)");
            }
            case MESSAGE -> {
                notices.message(command.payload().message());
                yield new CommandResult(true, "shown");
            }
            case REFRESH_POLICY -> new CommandResult(true, "policy " + agent.refreshPolicy(
                running == null ? DeviceActivity.IDLE : DeviceActivity.IN_SESSION, options.desk()).answer().policyEtag());
            case RETIRE -> {
                if (running != null) {
                    logout(running, SessionEndReason.COMMAND, null);
                }
                yield new CommandResult(true, "leaving the fleet");
            }
        };
    }

    private CommandResult wipe(DeviceCommand command, CurrentSession running) {
        List<WipeArea> asked = command.payload().wipeAreas();
        Collection<WipeArea> areas = asked == null || asked.isEmpty()
            ? state.policy().map(policy -> policy.wipe().scope()).orElse(List.of(WipeArea.values())) : asked;
        if (running != null) {
            return new CommandResult(true, "session " + running.sessionId() + " ended" + wipedText(
                logout(running, SessionEndReason.COMMAND, areas)));
        }
        List<String> preserve = state.policy().map(policy -> policy.wipe().preserve()).orElse(List.of());
        SessionWipe.Outcome outcome = new SessionWipe(options.sessionDir(), preserve, areas).run();
        long files = outcome.erased().stream().mapToLong(io.kioskfleet.protocol.sessions.ErasedArea::files).sum();
        return new CommandResult(outcome.clean(), "no session: wiped " + files + " files" + (outcome.clean() ? ""
            : ", but " + outcome.remaining().size() + " files could not be erased"));
    }

    private static String wipedText(Optional<WipeAttestation> attestation) {
        return attestation.map(signed -> " and wiped (" + signed.erasedFiles() + " files, " + (signed.clean() ? "clean)"
            : "NOT clean)")).orElse("; not wiped, as the policy says");
    }
}
