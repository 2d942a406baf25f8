package io.kioskfleet.core.checkin;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One instance of each string the whole fleet reports alike (models, OS and agent versions, policy
 * ETags), so a device's kept presence holds that instance and each check-in's own copy dies young.
 * Bounded: past {@value #MAX} different strings (a fleet that reports unusual values), new ones
 * are no longer shared, only kept as they came.
 */
final class SharedStrings {

    static final int MAX = 10_000;

    private final ConcurrentMap<String, String> strings = new ConcurrentHashMap<>();

    /** The shared instance equal to {@code value} (null for null). */
    String of(String value) {
        if (value == null) {
            return null;
        }
        String shared = strings.get(value);
        if (shared != null) {
            return shared;
        }
        if (strings.size() >= MAX) {
            return value;
        }
        shared = strings.putIfAbsent(value, value);
        return shared == null ? value : shared;
    }
}
