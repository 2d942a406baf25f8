package io.kioskfleet.core.overview;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The fleet at one moment: totals, and each unit with problems first.
 *
 * @param at           when it was computed
 * @param onlineWindow how recently a device must have checked in to count as online
 * @param totals       all units together (its id and name are empty)
 * @param branches     each unit that has devices, most trouble first
 */
public record Overview(Instant at, Duration onlineWindow, BranchStatus totals, List<BranchStatus> branches) {

    public Overview {
        branches = List.copyOf(branches);
    }
}
