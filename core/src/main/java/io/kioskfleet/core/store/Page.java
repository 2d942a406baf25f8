package io.kioskfleet.core.store;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a longer list.
 *
 * @param items the items on this page
 * @param page  the zero-based page number
 * @param size  the page size asked for
 * @param total how many items the whole list has
 */
public record Page<T>(List<T> items, int page, int size, long total) {

    public Page {
        items = List.copyOf(items);
    }

    /** The same page with each item mapped. */
    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
