package io.kioskfleet.core.policies;

import io.kioskfleet.policies.report.Problem;
import java.util.Objects;

/**
 * One problem with a policy text or a device exception, as stored with a draft and shown to
 * people: where it is, a stable code, and the message in English and Japanese.
 *
 * @param path      e.g. {@code settings.session.idleLogoutMinutes}; {@code $} for the whole text
 * @param line      1-based line in the text, 0 when unknown
 * @param column    1-based column in the text, 0 when unknown
 * @param code      stable code such as {@code lock.overridden}
 * @param message   the message in English
 * @param messageJa the message in Japanese
 */
public record PolicyProblem(String path, int line, int column, String code, String message, String messageJa) {

    public PolicyProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(messageJa, "messageJa");
    }

    static PolicyProblem of(Problem problem) {
        return new PolicyProblem(problem.path().isEmpty() ? "$" : problem.path(), problem.at().line(),
            problem.at().column(), problem.code(), problem.message().en(), problem.message().ja());
    }
}
