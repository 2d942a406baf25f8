package io.kioskfleet.core.jobruns;

import io.kioskfleet.core.commands.Command;
import io.kioskfleet.core.commands.CommandStateListener;
import io.kioskfleet.protocol.commands.CommandState;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Keeps a wave's delivered / acknowledged / succeeded / failed / expired counts on write: each
 * state change of one of its commands adds to the run's counters in one {@code $inc} by
 * {@code _id}, so showing progress never scans the commands (which the embedded store would have
 * to do in full). A command that skips a step (a result without an ack) counts for each step it
 * passed. A crash between a command's change and its count loses that one count.
 */
final class RunCounters implements CommandStateListener {

    /** A counter and the states in which a command has passed its step. */
    private enum Step {
        DELIVERED("delivered", EnumSet.of(CommandState.DELIVERED, CommandState.ACKED, CommandState.SUCCEEDED,
            CommandState.FAILED)),
        ACKNOWLEDGED("acknowledged", EnumSet.of(CommandState.ACKED, CommandState.SUCCEEDED, CommandState.FAILED)),
        SUCCEEDED("succeeded", EnumSet.of(CommandState.SUCCEEDED)),
        FAILED("failed", EnumSet.of(CommandState.FAILED)),
        EXPIRED("expired", EnumSet.of(CommandState.EXPIRED));

        private final String counter;
        private final Set<CommandState> passed;

        Step(String counter, Set<CommandState> passed) {
            this.counter = counter;
            this.passed = passed;
        }
    }

    private final JobRunRepository runs;

    RunCounters(JobRunRepository runs) {
        this.runs = runs;
    }

    @Override
    public void moved(Command before, Command after) {
        if (after.runId() == null) {
            return;
        }
        Map<String, Long> increments = new LinkedHashMap<>();
        for (Step step : Step.values()) {
            if (step.passed.contains(after.state()) && !step.passed.contains(before.state())) {
                increments.put(step.counter, 1L);
            }
        }
        runs.count(after.runId(), increments);
    }
}
