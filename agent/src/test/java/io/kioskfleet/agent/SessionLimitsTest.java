package io.kioskfleet.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.protocol.policy.DevicePolicy;
import io.kioskfleet.protocol.policy.SessionEnd;
import io.kioskfleet.protocol.sessions.SessionEndReason;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionLimitsTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final Instant NINE_IN_TOKYO = Instant.parse("2026-11-23T00:00:00Z");

    private static DevicePolicy.Session rules(List<SessionEnd> triggers, LocalTime... closing) {
        return new DevicePolicy.Session(240, 30, 5, List.of(closing), triggers);
    }

    @Test
    void inputPushesTheIdleLogoutBackUntilTheMaximumLengthComesFirst() {
        var rules = rules(List.of(SessionEnd.values()));
        assertThat(SessionLimits.next(rules, TOKYO, NINE_IN_TOKYO, null).orElseThrow())
            .isEqualTo(new SessionLimits.Logout(NINE_IN_TOKYO.plusSeconds(30 * 60), SessionEndReason.IDLE));
        assertThat(SessionLimits.next(rules, TOKYO, NINE_IN_TOKYO, NINE_IN_TOKYO.plusSeconds(225 * 60)).orElseThrow())
            .isEqualTo(new SessionLimits.Logout(NINE_IN_TOKYO.plusSeconds(240 * 60), SessionEndReason.TIMEOUT));
    }

    @Test
    void theClosingTimeIsTheNextOneInThePolicysZoneAndOnlyTheListedTriggersCount() {
        var onlySchedule = rules(List.of(SessionEnd.SCHEDULE, SessionEnd.COMMAND), LocalTime.of(8, 30), LocalTime.of(17, 30));
        assertThat(SessionLimits.next(onlySchedule, TOKYO, NINE_IN_TOKYO, null).orElseThrow())
            .isEqualTo(new SessionLimits.Logout(Instant.parse("2026-11-23T08:30:00Z"), SessionEndReason.SCHEDULE));
        var startedLate = SessionLimits.next(onlySchedule, TOKYO, Instant.parse("2026-11-23T09:00:00Z"), null).orElseThrow();
        assertThat(startedLate.at()).isEqualTo(Instant.parse("2026-11-23T23:30:00Z")); // 08:30 the next morning in Tokyo
        assertThat(SessionLimits.next(rules(List.of(SessionEnd.COMMAND)), TOKYO, NINE_IN_TOKYO, null)).isEmpty();
    }

    @Test
    void theWarningComesItsMinutesBeforeTheLogoutAndNeverWithZero() {
        var logout = new SessionLimits.Logout(NINE_IN_TOKYO, SessionEndReason.TIMEOUT);
        assertThat(SessionLimits.warningAt(rules(List.of(SessionEnd.TIMEOUT)), logout)).contains(NINE_IN_TOKYO.minusSeconds(300));
        assertThat(SessionLimits.warningAt(new DevicePolicy.Session(240, 30, 0, List.of(), List.of(SessionEnd.TIMEOUT)), logout))
            .isEmpty();
    }
}
