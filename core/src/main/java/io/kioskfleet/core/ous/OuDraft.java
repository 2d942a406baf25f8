package io.kioskfleet.core.ous;

import io.kioskfleet.core.input.InputCheck;
import io.kioskfleet.core.input.Rule;

/**
 * What an admin writes to create or change an organisation unit.
 *
 * @param name          the unit's name
 * @param parentId      the parent, or null for headquarters
 * @param address       the office's postal address (required for a branch)
 * @param travelMinutes travel time from headquarters in minutes, 0–1440 (null means 0)
 */
public record OuDraft(String name, String parentId, String address, Integer travelMinutes) {

    static final int MAX_NAME = 100;
    static final int MAX_ADDRESS = 300;
    static final int MAX_TRAVEL_MINUTES = 24 * 60;

    public OuDraft {
        name = name == null ? null : name.strip();
        address = address == null || address.isBlank() ? null : address.strip();
        parentId = parentId == null || parentId.isBlank() ? null : parentId.strip();
    }

    /** Checks the fields on their own (not against the tree), listing every problem. */
    void check() {
        int travel = travelMinutesOrZero();
        new InputCheck()
            .require(name != null && !name.isEmpty(), "name", Rule.BLANK)
            .require(name == null || name.length() <= MAX_NAME, "name", Rule.TOO_LONG, MAX_NAME)
            .require(parentId == null || address != null, "address", Rule.BRANCH_ADDRESS)
            .require(address == null || address.length() <= MAX_ADDRESS, "address", Rule.TOO_LONG, MAX_ADDRESS)
            .require(travel >= 0 && travel <= MAX_TRAVEL_MINUTES, "travelMinutes", Rule.OUT_OF_RANGE, 0, MAX_TRAVEL_MINUTES)
            .require(parentId != null || travel == 0, "travelMinutes", Rule.HEADQUARTERS_TRAVEL)
            .orThrow();
    }

    int travelMinutesOrZero() {
        return travelMinutes == null ? 0 : travelMinutes;
    }
}
