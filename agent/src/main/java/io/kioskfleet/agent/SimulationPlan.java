package io.kioskfleet.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What a {@link FleetSimulator} simulates: which server, the multi-use enrollment token, one
 * virtual device per serial, each keeping its state in {@code stateDir/<serial>}, and how often
 * they check in and hold sessions.
 *
 * @param server          the server's base address
 * @param token           an enrollment token secret that may enroll every serial (used once per device)
 * @param serials         the pre-registered serials, one virtual device each
 * @param stateDir        the directory holding each device's state directory
 * @param checkInInterval how often each device checks in (spread by a random part), or null for the interval the server gives
 * @param pacing          how sessions come and go
 */
public record SimulationPlan(URI server, String token, List<String> serials, Path stateDir, Duration checkInInterval,
                             SessionPacing pacing) {

    public SimulationPlan {
        serials = List.copyOf(serials);
        if (serials.isEmpty()) {
            throw new IllegalArgumentException("a simulation needs at least one serial");
        }
        if (checkInInterval != null && (checkInInterval.isNegative() || checkInInterval.isZero())) {
            throw new IllegalArgumentException("the check-in interval must be positive");
        }
    }

    /**
     * The serials named by {@code fileOrList}: the lines of that file when it is one (blank lines
     * and {@code #} comments skipped), otherwise a comma-separated list; duplicates are dropped.
     */
    public static List<String> serialsFrom(String fileOrList) {
        Path file = Path.of(fileOrList);
        List<String> words;
        if (Files.isRegularFile(file)) {
            try {
                words = Files.readAllLines(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the serials in " + file, e);
            }
        } else {
            words = Arrays.asList(fileOrList.split(","));
        }
        return List.copyOf(new LinkedHashSet<>(words.stream().map(String::strip)
            .filter(word -> !word.isEmpty() && !word.startsWith("#")).toList()));
    }
}
