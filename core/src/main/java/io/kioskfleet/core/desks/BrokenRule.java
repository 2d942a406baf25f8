package io.kioskfleet.core.desks;

import java.util.List;
import java.util.Objects;

/**
 * One booking rule a request breaks, with a stable {@code reason} the console translates
 * ({@code desks.rule.<reason>}) and the English sentence the API answers with.
 *
 * @param path    the offending field
 * @param reason  a stable code such as {@code slot-in-past}
 * @param message one English sentence
 * @param args    values the translated sentence shows (a limit, a date)
 */
public record BrokenRule(String path, String reason, String message, List<Object> args) {

    public BrokenRule {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
        args = args == null ? List.of() : List.copyOf(args);
    }
}
