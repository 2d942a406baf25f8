package io.kioskfleet.core.commands;

/** Told of each state change of a command (delivered, acknowledged, finished, expired), after it is stored. */
@FunctionalInterface
public interface CommandStateListener {

    /** {@code before} moved to {@code after}; their states differ. */
    void moved(Command before, Command after);
}
