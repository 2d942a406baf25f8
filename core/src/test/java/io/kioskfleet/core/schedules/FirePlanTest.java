package io.kioskfleet.core.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.core.calendar.ClosedDays;
import io.kioskfleet.core.calendar.JapaneseHolidays;
import io.kioskfleet.core.calendar.OfficeClosures;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class FirePlanTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final List<DayOfWeek> WEEKDAYS = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
        DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
    private static final ClosedDays JAPAN = new ClosedDays(new JapaneseHolidays(), OfficeClosures.defaults());

    private static List<String> local(List<Instant> fires, ZoneId zone) {
        return fires.stream().map(at -> at.atZone(zone).toOffsetDateTime().toString()).toList();
    }

    @Test
    void noonAndHalfPastFiveOnWeekdaysInTokyoSkipLabourThanksgivingDay() {
        FirePlan plan = FirePlan.of(null, List.of("17:30", "12:00"), WEEKDAYS, TOKYO, JAPAN);
        // Friday 20 November 2026, 08:00 in Tokyo; Monday the 23rd is 勤労感謝の日.
        List<Instant> fires = plan.after(Instant.parse("2026-11-19T23:00:00Z"), 4);
        assertThat(local(fires, TOKYO)).containsExactly("2026-11-20T12:00+09:00", "2026-11-20T17:30+09:00",
            "2026-11-24T12:00+09:00", "2026-11-24T17:30+09:00");
    }

    @Test
    void theSamePlanRunningOnHolidaysFiresOnTheHolidayToo() {
        FirePlan plan = FirePlan.of(null, List.of("12:00"), WEEKDAYS, TOKYO, ClosedDays.NONE);
        assertThat(local(plan.after(Instant.parse("2026-11-20T04:00:00Z"), 2), TOKYO))
            .containsExactly("2026-11-23T12:00+09:00", "2026-11-24T12:00+09:00");
    }

    @Test
    void theYearEndBreakIsSkippedAsAnOfficeClosure() {
        FirePlan plan = FirePlan.of(null, List.of("12:00"), WEEKDAYS, TOKYO, JAPAN);
        assertThat(local(plan.after(Instant.parse("2026-12-28T00:00:00Z"), 2), TOKYO))
            .containsExactly("2026-12-28T12:00+09:00", "2027-01-04T12:00+09:00");
    }

    @Test
    void aSingleClosedDateIsSkippedToo() {
        ClosedDays closed = new ClosedDays(new JapaneseHolidays(),
            new OfficeClosures(OfficeClosures.ID, List.of(), List.of("2026-11-25"), null, null, 1));
        FirePlan plan = FirePlan.of(null, List.of("12:00"), WEEKDAYS, TOKYO, closed);
        assertThat(local(plan.after(Instant.parse("2026-11-24T04:00:00Z"), 1), TOKYO))
            .containsExactly("2026-11-26T12:00+09:00");
    }

    @Test
    void aCronExpressionIsReadInTheSchedulesZone() {
        FirePlan plan = FirePlan.of("0 0 9 ? * MON-FRI", List.of(), List.of(), TOKYO, JAPAN);
        assertThat(local(plan.after(Instant.parse("2026-11-20T00:00:00Z"), 2), TOKYO))
            .containsExactly("2026-11-24T09:00+09:00", "2026-11-25T09:00+09:00");
    }

    @Test
    void aTimeInTheSpringForwardGapFiresAtTheSameDistanceAfterIt() {
        // 8 March 2026: New York clocks jump from 02:00 to 03:00, so 02:30 does not exist.
        FirePlan plan = FirePlan.of(null, List.of("02:30"), List.of(), NEW_YORK, ClosedDays.NONE);
        assertThat(local(plan.after(Instant.parse("2026-03-07T12:00:00Z"), 3), NEW_YORK))
            .containsExactly("2026-03-08T03:30-04:00", "2026-03-09T02:30-04:00", "2026-03-10T02:30-04:00")
            .doesNotHaveDuplicates();
    }

    @Test
    void aTimeInTheFallBackOverlapFiresOnceAtItsFirstOccurrence() {
        // 1 November 2026: New York clocks go back from 02:00 to 01:00, so 01:30 happens twice.
        FirePlan plan = FirePlan.of(null, List.of("01:30"), List.of(), NEW_YORK, ClosedDays.NONE);
        assertThat(local(plan.after(Instant.parse("2026-10-31T12:00:00Z"), 2), NEW_YORK))
            .containsExactly("2026-11-01T01:30-04:00", "2026-11-02T01:30-05:00");
    }

    @Test
    void aCronInTheGapSkipsThatDayAndInTheOverlapFiresAtTheSecondOccurrenceAsQuartzDoes() {
        FirePlan gap = FirePlan.of("0 30 2 * * ?", List.of(), List.of(), NEW_YORK, ClosedDays.NONE);
        assertThat(local(gap.after(Instant.parse("2026-03-07T12:00:00Z"), 2), NEW_YORK))
            .containsExactly("2026-03-09T02:30-04:00", "2026-03-10T02:30-04:00");
        FirePlan overlap = FirePlan.of("0 30 1 * * ?", List.of(), List.of(), NEW_YORK, ClosedDays.NONE);
        assertThat(local(overlap.after(Instant.parse("2026-10-31T12:00:00Z"), 2), NEW_YORK))
            .containsExactly("2026-11-01T01:30-05:00", "2026-11-02T01:30-05:00");
    }

    @Test
    void aScheduleEveryDayClosedNeverFiresAndThePlanSaysSoWithoutLoopingForever() {
        FirePlan plan = FirePlan.of("0 0 12 1 1 ?", List.of(), List.of(), TOKYO, JAPAN);
        assertThat(plan.after(Instant.parse("2026-01-02T00:00:00Z"), 3)).isEmpty();
    }

    @Test
    void firesBetweenTwoTimesAreThoseAfterTheFirstUpToTheSecond() {
        FirePlan plan = FirePlan.of(null, List.of("12:00", "17:30"), WEEKDAYS, TOKYO, JAPAN);
        assertThat(local(plan.between(Instant.parse("2026-11-20T03:00:00Z"), Instant.parse("2026-11-24T03:00:00Z"), 10),
            TOKYO)).containsExactly("2026-11-20T17:30+09:00", "2026-11-24T12:00+09:00");
    }
}
