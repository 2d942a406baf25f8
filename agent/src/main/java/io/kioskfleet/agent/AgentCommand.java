package io.kioskfleet.agent;

import java.io.PrintStream;
import java.util.List;

/** The {@code kioskfleet-agent} command line: the entry point of the agent jar. */
public final class AgentCommand {

    static final String USAGE = """
        usage: kioskfleet-agent <command>

        commands:
          version    print the agent version
          help       print this text
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
        switch (command) {
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
    }

    private static String version() {
        String version = AgentCommand.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
