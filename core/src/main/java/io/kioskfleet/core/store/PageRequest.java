package io.kioskfleet.core.store;

import io.kioskfleet.core.input.InputCheck;
import io.kioskfleet.core.input.Rule;

/**
 * Which page of a list to read.
 *
 * @param page zero-based page number
 * @param size items per page, 1 to {@value #MAX_SIZE}
 */
public record PageRequest(int page, int size) {

    /** The largest page a caller may ask for. */
    public static final int MAX_SIZE = 500;
    /** The furthest page a caller may ask for; keeps {@link #offset()} far from overflowing. */
    public static final int MAX_PAGE = 1_000_000;

    public PageRequest {
        new InputCheck()
            .require(page >= 0 && page <= MAX_PAGE, "page", Rule.OUT_OF_RANGE, 0, MAX_PAGE)
            .require(size >= 1 && size <= MAX_SIZE, "size", Rule.OUT_OF_RANGE, 1, MAX_SIZE)
            .orThrow();
    }

    /** How many items come before this page. */
    public int offset() {
        return Math.multiplyExact(page, size);
    }
}
