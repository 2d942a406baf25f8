package io.kioskfleet.agent;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@code kioskfleet-agent run} is told: where its state and the guest profile live, and who
 * signs in where.
 *
 * @param stateDir   the agent's state directory (key, identity, policy, session, journal)
 * @param sessionDir the guest-profile directory: the session's storage, wiped after each session
 * @param user       who the sessions are for, or null for guest sessions
 * @param desk       the desk the device is at, or null
 */
public record RunOptions(Path stateDir, Path sessionDir, String user, String desk) {

    public RunOptions {
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(sessionDir, "sessionDir");
        if (sessionDir.toAbsolutePath().normalize().startsWith(stateDir.toAbsolutePath().normalize())
            || stateDir.toAbsolutePath().normalize().startsWith(sessionDir.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("the session directory and the state directory must not contain each other:"
                + " a wipe would erase the device key");
        }
    }
}
