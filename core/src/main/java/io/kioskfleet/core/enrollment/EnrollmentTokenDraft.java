package io.kioskfleet.core.enrollment;

import io.kioskfleet.core.input.InputCheck;
import io.kioskfleet.core.input.Rule;
import java.time.Duration;
import java.time.Instant;

/**
 * What an admin asks for when creating an enrollment token.
 *
 * @param ouId      the unit whose devices it may enroll (with its sub-units); required
 * @param expiresAt when it stops working; null: in {@link #DEFAULT_LIFETIME}; at most {@link #MAX_LIFETIME} ahead
 * @param maxUses   how many devices it may enroll; null: one
 * @param note      what it is for, optional
 */
public record EnrollmentTokenDraft(String ouId, Instant expiresAt, Integer maxUses, String note) {

    static final Duration DEFAULT_LIFETIME = Duration.ofDays(7);
    static final Duration MAX_LIFETIME = Duration.ofDays(90);
    static final int MAX_USES = 100_000;
    static final int MAX_NOTE = 500;

    void check(InputCheck check, Instant now) {
        check.require(ouId != null && !ouId.isBlank(), "ouId", Rule.REQUIRED);
        if (expiresAt != null) {
            check.require(expiresAt.isAfter(now), "expiresAt", Rule.PAST);
            check.require(!expiresAt.isAfter(now.plus(MAX_LIFETIME)), "expiresAt", Rule.TOO_FAR_AHEAD, MAX_LIFETIME.toDays());
        }
        if (maxUses != null) {
            check.require(maxUses >= 1 && maxUses <= MAX_USES, "maxUses", Rule.OUT_OF_RANGE, 1, MAX_USES);
        }
        check.require(note == null || note.length() <= MAX_NOTE, "note", Rule.TOO_LONG, MAX_NOTE);
    }

    Instant expiresAtOrDefault(Instant now) {
        return expiresAt == null ? now.plus(DEFAULT_LIFETIME) : expiresAt;
    }

    int maxUsesOrDefault() {
        return maxUses == null ? 1 : maxUses;
    }

    String noteOrNull() {
        return note == null || note.isBlank() ? null : note.strip();
    }
}
