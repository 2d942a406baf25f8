package io.kioskfleet.policies.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems of one input as it is checked, so that all of them are reported at
 * once instead of stopping at the first.
 */
public final class ProblemList {

    private final List<Problem> found = new ArrayList<>();

    /** Records a problem whose message is the bundle text under {@code code}. */
    public void add(String path, SourcePosition at, String code, Object... args) {
        found.add(new Problem(path, at, code, Messages.of(code, args)));
    }

    /** Records an already built problem. */
    public void add(Problem problem) {
        found.add(problem);
    }

    /** A site that reports problems at {@code path} and {@code at} into this collector. */
    public ProblemSite at(String path, SourcePosition at) {
        return new ProblemSite(this, path, at);
    }

    /** True when nothing was found. */
    public boolean isEmpty() {
        return found.isEmpty();
    }

    /** The problems found so far, in the order they were found. */
    public List<Problem> list() {
        return List.copyOf(found);
    }
}
