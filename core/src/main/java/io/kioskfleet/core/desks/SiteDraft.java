package io.kioskfleet.core.desks;

import io.kioskfleet.core.input.InputCheck;

/**
 * What an admin gives to create or change a site.
 *
 * @param ouId   the unit that runs it (a branch office); cannot change once created
 * @param name   what people call it
 * @param limits what staff may book; null: {@link BookingLimits#DEFAULT}
 */
public record SiteDraft(String ouId, String name, BookingLimits limits) {

    static final int MAX_NAME = 100;

    void check(InputCheck check) {
        check.require(ouId != null && !ouId.isBlank(), "ouId", "must name an organisation unit");
        check.require(name != null && !name.isBlank() && name.length() <= MAX_NAME, "name",
            "must be 1 to " + MAX_NAME + " characters");
        if (limits != null) {
            limits.check(check, "limits");
        }
    }

    BookingLimits limitsOrDefault() {
        return limits == null ? BookingLimits.DEFAULT : limits;
    }
}
