package io.kioskfleet.agent;

import io.kioskfleet.protocol.checkin.DeviceActivity;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
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
          version    print the agent version
          help       print this text

        exit status: 0 done, 1 refused by the server or unreachable, 2 wrong usage
        """;

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
