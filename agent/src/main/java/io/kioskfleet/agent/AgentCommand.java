package io.kioskfleet.agent;

import io.kioskfleet.protocol.checkin.DeviceActivity;
import io.kioskfleet.protocol.sessions.SessionEndReason;
import io.kioskfleet.protocol.sessions.SessionReceipt;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** The {@code kioskfleet-agent} command line: the entry point of the agent jar. */
public final class AgentCommand {

    static final String USAGE = """
        usage: kioskfleet-agent <command> [options]

        commands:
          enroll     join the fleet: --server URL --token TOKEN --serial SERIAL --state-dir DIR
                     (creates the device key in DIR on first use; the token is the secret an
                     admin got from POST /api/v1/enrollment-tokens)
          check-in   report to the server once and fetch the policy: --state-dir DIR [--desk DESK]
                     (prints the policy ETag and whether it changed, then acknowledges each
                     command received, carries out MESSAGE, REFRESH_POLICY and LOCK, and
                     reports the others as not supported here)
          session-start  report that a session starts: --state-dir DIR [--user NAME] [--desk DESK]
                     (a guest session without --user; prints the session id the device chose;
                     while that session runs, sends the same start again)
          session-end    report that the session ended: --state-dir DIR --reason REASON
                     (REASON is TIMEOUT, IDLE, SCHEDULE, USER or COMMAND)
          wipe       erase the ended session's directory and attest it: --state-dir DIR --dir SESSION_DIR
                     (keeps only files the held policy's wipe.preserve matches; the areas are the
                     subdirectories sessionProfile, downloads, browserData, caches and temp)
          run        be one device, until Ctrl-C: --state-dir DIR --session-dir GUEST_DIR
                     [--user NAME] [--desk DESK] [--activity-file FILE] [--duration-seconds D]
                     (enrolled first with 'enroll'; holds guest sessions, or NAME's, in GUEST_DIR and
                     ends them itself by the policy's maximum length, idle time and scheduled logout
                     times, from this machine's clock, also offline; warns on standard output and in
                     DIR/logout-warning before a logout; then erases GUEST_DIR as the policy says,
                     keeping its wipe.preserve files, and signs the attestation. Session events and
                     attestations wait in DIR/journal.jsonl until the server takes them, in order.
                     Checks in as the server says and carries out LOGOUT, WIPE, LOCK, REBOOT
                     (simulated), MESSAGE, REFRESH_POLICY and RETIRE. Input is FILE being touched
                     (default DIR/input-activity): idle time counts from it, and after a logout the
                     next session starts at the next input)
          simulate   run many virtual laptops in this process, for demos and load:
                     --server URL --token TOKEN --serials FILE_OR_LIST --state-dir DIR
                     [--interval-seconds S] [--duration-seconds D]
                     (one device per serial, pre-registered and enrolled by the multi-use TOKEN once,
                     state in DIR/<serial>; each checks in every S seconds, or as the server says,
                     and holds guest sessions ended and wiped with an attestation; prints a summary
                     every 30 s; runs until Ctrl-C or for D seconds)
          version    print the agent version
          help       print this text

        exit status: 0 done, 1 refused by the server or unreachable, 2 wrong usage
        """;

    /** A running device retries briefly: while it waits, its session timers wait too, and its next check-in retries anyway. */
    private static final RetryPolicy RUN_RETRIES = new RetryPolicy(2, Duration.ofMillis(500), Duration.ofSeconds(2));

    private final PrintStream out;
    private final PrintStream err;

    AgentCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new AgentCommand(System.out, System.err).run(List.of(args)));
    }

    /** Runs one command and returns the process exit code. */
    int run(List<String> args) {
        String command = args.isEmpty() ? "help" : args.get(0);
        List<String> options = args.isEmpty() ? List.of() : args.subList(1, args.size());
        try {
            switch (command) {
                case "enroll" -> {
                    return enroll(CommandOptions.parse(options, Set.of("server", "token", "serial", "state-dir")));
                }
                case "check-in" -> {
                    return checkIn(CommandOptions.parse(options, Set.of("state-dir", "desk")));
                }
                case "session-start" -> {
                    return sessionStart(CommandOptions.parse(options, Set.of("state-dir", "user", "desk")));
                }
                case "session-end" -> {
                    return sessionEnd(CommandOptions.parse(options, Set.of("state-dir", "reason")));
                }
                case "wipe" -> {
                    return wipe(CommandOptions.parse(options, Set.of("state-dir", "dir")));
                }
                case "run" -> {
                    return runDevice(CommandOptions.parse(options,
                        Set.of("state-dir", "session-dir", "user", "desk", "activity-file", "duration-seconds")));
                }
                case "simulate" -> {
                    return simulate(CommandOptions.parse(options,
                        Set.of("server", "token", "serials", "state-dir", "interval-seconds", "duration-seconds")));
                }
                case "version", "--version" -> {
                    out.println("kioskfleet-agent " + version());
                    return 0;
                }
                case "help", "--help", "-h" -> {
                    out.print(USAGE);
                    return 0;
                }
                default -> {
                    err.println("kioskfleet-agent: unknown command '" + command + "' (try 'kioskfleet-agent help')");
                    return 2;
                }
            }
        } catch (IllegalArgumentException wrongUsage) {
            err.println("kioskfleet-agent " + command + ": " + wrongUsage.getMessage() + " (try 'kioskfleet-agent help')");
            return 2;
        } catch (ServerRefusal | ServerUnreachable | IllegalStateException | UncheckedIOException failed) {
            err.println("kioskfleet-agent " + command + ": " + failed.getMessage());
            return 1;
        }
    }

    private int enroll(CommandOptions options) {
        URI server = URI.create(options.required("server"));
        String token = options.required("token");
        String serial = options.required("serial");
        EnrolledIdentity identity = agent(options).enroll(server, token, serial);
        out.println("enrolled as " + identity.deviceId() + " in " + identity.ouId());
        return 0;
    }

    private int checkIn(CommandOptions options) {
        StateDirectory state = state(options);
        DeviceAgent agent = agent(state);
        String desk = options.optional("desk");
        DeviceAgent.CheckInOutcome outcome = agent.checkIn(DeviceActivity.IDLE, desk);
        var answer = outcome.answer();
        out.println("state " + answer.state());
        if (answer.policyEtag() != null) {
            out.println("policy " + answer.policyEtag() + (outcome.policyChanged() ? " (changed)" : " (unchanged)"));
        }
        out.println("commands " + answer.commands().size());
        new OneShotCommands(agent, state, out, desk).carryOut(answer.commands());
        out.println("next check-in in " + answer.nextCheckInSeconds() + " s");
        return 0;
    }

    private int sessionStart(CommandOptions options) {
        SessionReceipt receipt = agent(options).startSession(options.optional("user"), options.optional("desk"));
        out.println("session " + receipt.sessionId() + " " + receipt.state());
        return 0;
    }

    private int sessionEnd(CommandOptions options) {
        SessionEndReason reason = reasonOf(options.required("reason"));
        SessionReceipt receipt = agent(options).endSession(reason);
        out.println("session " + receipt.sessionId() + " " + receipt.state() + " (" + reason + ")");
        return 0;
    }

    private static SessionEndReason reasonOf(String text) {
        try {
            return SessionEndReason.valueOf(text.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--reason must be one of " + java.util.Arrays.toString(SessionEndReason.values()));
        }
    }

    private int wipe(CommandOptions options) {
        DeviceAgent.WipeReport report = agent(options).wipe(Path.of(options.required("dir")));
        var attestation = report.attestation();
        out.println("erased " + attestation.erasedFiles() + " files, " + attestation.erasedBytes() + " bytes");
        attestation.remaining().forEach(file -> out.println("kept " + file.path()));
        out.println("remaining manifest " + attestation.remainingDigest());
        out.println("session " + report.receipt().sessionId() + " " + report.receipt().state());
        return 0;
    }

    private int runDevice(CommandOptions options) {
        Path stateDir = Path.of(options.required("state-dir"));
        RunOptions run = new RunOptions(stateDir, Path.of(options.required("session-dir")), options.optional("user"),
            options.optional("desk"));
        String activityFile = options.optional("activity-file");
        InputActivity input = InputActivity.touchedFile(activityFile == null ? stateDir.resolve("input-activity")
            : Path.of(activityFile));
        Duration duration = secondsOrNull(options, "duration-seconds");
        try (RunLock lock = RunLock.take(stateDir); FleetConnections connections = FleetConnections.pooled(2)) {
            DeviceRun device = new DeviceRun(run,
                server -> FleetServerClient.sharing(server, connections, RUN_RETRIES, java.time.Clock.systemUTC()),
                version(), java.time.Clock.systemUTC(), input, out);
            out.println("run: device in " + stateDir + ", sessions in " + run.sessionDir()
                + (duration == null ? ", until Ctrl-C" : ", for " + duration.toSeconds() + " s"));
            return new RunLoop(device, err).runFor(duration);
        }
    }

    private int simulate(CommandOptions options) {
        Duration interval = secondsOrNull(options, "interval-seconds");
        Duration duration = secondsOrNull(options, "duration-seconds");
        SimulationPlan plan = new SimulationPlan(URI.create(options.required("server")), options.required("token"),
            SimulationPlan.serialsFrom(options.required("serials")), Path.of(options.required("state-dir")), interval,
            SessionPacing.DEMO);
        FleetSimulator simulator = new FleetSimulator(plan, version(), out, err);
        Thread stopOnExit = new Thread(simulator::close, "kioskfleet-simulator-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        out.println("simulate: " + plan.serials().size() + " devices against " + plan.server()
            + (duration == null ? " until Ctrl-C" : " for " + duration.toSeconds() + " s"));
        simulator.start();
        try {
            simulator.awaitStop(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        simulator.close();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C: the hook has already stopped the simulator
        }
        return 0;
    }

    private static Duration secondsOrNull(CommandOptions options, String name) {
        String text = options.optional(name);
        if (text == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(text);
            if (seconds > 0) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new IllegalArgumentException("--" + name + " must be a whole number of seconds above 0");
    }

    private static StateDirectory state(CommandOptions options) {
        return new StateDirectory(Path.of(options.required("state-dir")));
    }

    private static DeviceAgent agent(StateDirectory state) {
        return new DeviceAgent(state, FleetServerClient::to, version());
    }

    private static DeviceAgent agent(CommandOptions options) {
        return agent(state(options));
    }

    private static String version() {
        String version = AgentCommand.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
