package io.kioskfleet.policies.report;

import java.util.Objects;

/**
 * A place in the input being checked, so that code which checks one value need not know the
 * value's path or position to report what is wrong with it.
 */
public record ProblemSite(ProblemList problems, String path, SourcePosition at) {

    public ProblemSite {
        Objects.requireNonNull(problems, "problems");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(at, "at");
    }

    /** Reports a problem here; returns {@code null} so callers can {@code return site.report(..)}. */
    public <T> T report(String code, Object... args) {
        problems.add(path, at, code, args);
        return null;
    }

    /** The site of a part of this value, such as a list item or a field of an object. */
    public ProblemSite child(String suffix, SourcePosition childAt) {
        return new ProblemSite(problems, path + suffix, childAt);
    }
}
