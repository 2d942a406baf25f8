package io.kioskfleet.policies.report;

import java.util.Objects;

/**
 * One thing wrong with a policy input: where it is (a path such as
 * {@code settings.session.idleLogoutMinutes} and, for text input, line and column), a stable
 * code for programs, and a message for people in English and Japanese.
 */
public record Problem(String path, SourcePosition at, String code, BilingualText message) {

    public Problem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return path + (at.known() ? " (" + at.line() + ":" + at.column() + ")" : "")
            + " [" + code + "] " + message.en();
    }
}
