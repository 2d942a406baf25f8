package io.kioskfleet.jobs.waves;

import io.kioskfleet.core.commands.RunCommands;
import java.util.List;

/** Queues one chunk of a wave's commands; {@link RunCommands#issue} is the one the service uses. */
@FunctionalInterface
public interface ChunkIssuer {

    /** Queues the order's command for each target that lacks it; returns how many were new. */
    int issue(RunCommands.RunOrder order, List<RunCommands.RunTarget> targets);
}
