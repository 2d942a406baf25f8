package io.kioskfleet.agent;

import io.kioskfleet.protocol.checkin.DeviceActivity;
import io.kioskfleet.protocol.commands.CommandReceipt;
import io.kioskfleet.protocol.commands.CommandResult;
import io.kioskfleet.protocol.commands.DeviceCommand;
import java.io.PrintStream;
import java.util.List;

/**
 * Carries out the commands a one-shot {@code check-in} received: acknowledges each, does what
 * a one-shot run can (MESSAGE, REFRESH_POLICY, LOCK), and reports the result; the others fail
 * with a pointer to the long-running agent.
 */
public final class OneShotCommands {

    /** The result detail of a command a one-shot run cannot carry out. */
    public static final String NOT_SUPPORTED = "not supported by this command; use `kioskfleet-agent run`";
    static final String LOST_MODE_MESSAGE = """
        この端末は紛失端末としてロックされました。情報システム課へ返却してください。
        This device has been locked as lost. Please return it to the IT department.""";

    private final DeviceAgent agent;
    private final StateDirectory state;
    private final PrintStream out;
    private final String desk;

    /**
     * @param desk the desk the device is at, or null (sent again when the policy is refetched)
     */
    public OneShotCommands(DeviceAgent agent, StateDirectory state, PrintStream out, String desk) {
        this.agent = agent;
        this.state = state;
        this.out = out;
        this.desk = desk;
    }

    /** Acknowledges, carries out and reports each command, in order. */
    public void carryOut(List<DeviceCommand> commands) {
        for (DeviceCommand command : commands) {
            out.println("command " + command.id() + " " + command.type());
            agent.acknowledge(command.id());
            CommandResult result = run(command);
            CommandReceipt receipt = agent.report(command.id(), result);
            out.println("  " + receipt.state() + (result.detail() == null ? "" : ": " + result.detail()));
        }
    }

    private CommandResult run(DeviceCommand command) {
        return switch (command.type()) {
            case MESSAGE -> {
                out.println("  message: " + command.payload().message().ja());
                out.println("  message: " + command.payload().message().en());
                yield new CommandResult(true, "shown");
            }
            case REFRESH_POLICY -> {
                String etag = agent.refreshPolicy(DeviceActivity.IDLE, desk).answer().policyEtag();
                yield new CommandResult(true, "policy " + etag);
            }
            case LOCK -> {
                String reason = command.payload().reason();
                state.enterLostMode(reason);
                out.println(LOST_MODE_MESSAGE);
                if (reason != null) {
                    out.println("  reason: " + reason);
                }
                yield new CommandResult(true, "locked");
            }
            default -> new CommandResult(false, NOT_SUPPORTED);
        };
    }
}
