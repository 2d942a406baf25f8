package io.kioskfleet.console.desks;

/**
 * A body that only names something new (a floor, a zone).
 *
 * @param name its name
 */
public record NameRequest(String name) {
}
