package io.kioskfleet.core.store;

import io.kioskfleet.core.input.InputCheck;

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
            .require(page >= 0 && page <= MAX_PAGE, "page", "must be between 0 and " + MAX_PAGE)
            .require(size >= 1 && size <= MAX_SIZE, "size", "must be between 1 and " + MAX_SIZE)
            .orThrow();
    }

    /** How many items come before this page. */
    public int offset() {
        return Math.multiplyExact(page, size);
    }
}
