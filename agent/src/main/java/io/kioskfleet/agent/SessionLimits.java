package io.kioskfleet.agent;

import io.kioskfleet.protocol.policy.DevicePolicy;
import io.kioskfleet.protocol.policy.SessionEnd;
import io.kioskfleet.protocol.sessions.SessionEndReason;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * When a running session must end by the policy's own rules, computed on the device from its own
 * clock, so a session ends on time with or without the server: the maximum length from the start,
 * the idle time from the last input, and the first scheduled logout time of day (in the policy's
 * time zone) after the start. Only the rules the policy's {@code endTriggers} name apply; a limit
 * of 0 minutes is no limit.
 */
final class SessionLimits {

    private SessionLimits() {
    }

    /**
     * The next logout of a session.
     *
     * @param at     when
     * @param reason why, as the session end reports it
     */
    record Logout(Instant at, SessionEndReason reason) {
    }

    /**
     * The earliest logout the rules set for a session that started at {@code startedAt} and last
     * saw input at {@code lastInput} (null: none since the start); empty when no rule applies.
     */
    static Optional<Logout> next(DevicePolicy.Session rules, ZoneId zone, Instant startedAt, Instant lastInput) {
        List<Logout> candidates = new ArrayList<>();
        if (rules.endTriggers().contains(SessionEnd.TIMEOUT) && rules.maxLengthMinutes() > 0) {
            candidates.add(new Logout(startedAt.plus(Duration.ofMinutes(rules.maxLengthMinutes())), SessionEndReason.TIMEOUT));
        }
        if (rules.endTriggers().contains(SessionEnd.IDLE) && rules.idleLogoutMinutes() > 0) {
            Instant active = lastInput == null || lastInput.isBefore(startedAt) ? startedAt : lastInput;
            candidates.add(new Logout(active.plus(Duration.ofMinutes(rules.idleLogoutMinutes())), SessionEndReason.IDLE));
        }
        if (rules.endTriggers().contains(SessionEnd.SCHEDULE)) {
            rules.scheduledLogoutTimes().stream().map(time -> firstAfter(startedAt, time, zone)).min(Comparator.naturalOrder())
                .ifPresent(at -> candidates.add(new Logout(at, SessionEndReason.SCHEDULE)));
        }
        return candidates.stream().min(Comparator.comparing(Logout::at));
    }

    /** When the user is warned of {@code logout}: {@code warningMinutes} before it, or never (empty) for 0. */
    static Optional<Instant> warningAt(DevicePolicy.Session rules, Logout logout) {
        return rules.warningBeforeLogoutMinutes() == 0 ? Optional.empty()
            : Optional.of(logout.at().minus(Duration.ofMinutes(rules.warningBeforeLogoutMinutes())));
    }

    /** The first time {@code time} of day in {@code zone} after {@code instant} (a time a clock change skips moves on). */
    private static Instant firstAfter(Instant instant, LocalTime time, ZoneId zone) {
        ZonedDateTime local = instant.atZone(zone);
        ZonedDateTime sameDay = ZonedDateTime.of(local.toLocalDate(), time, zone);
        return (sameDay.toInstant().isAfter(instant) ? sameDay : ZonedDateTime.of(local.toLocalDate().plusDays(1), time, zone))
            .toInstant();
    }
}
