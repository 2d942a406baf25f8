package io.kioskfleet.policies.report;

/**
 * Where in the submitted text something was found, 1-based; {@link #UNKNOWN} when the input
 * did not come from text (for example a device exception built from plain values).
 */
public record SourcePosition(int line, int column) {

    /** The position of input that has no source text. */
    public static final SourcePosition UNKNOWN = new SourcePosition(0, 0);

    public SourcePosition {
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column are 1-based, or 0 for unknown");
        }
    }

    /** True when this names a real place in the source text. */
    public boolean known() {
        return line > 0;
    }
}
