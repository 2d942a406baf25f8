package io.kioskfleet.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JapaneseHolidaysTest {

    private final JapaneseHolidays holidays = new JapaneseHolidays();

    private List<String> datesOf(int year) {
        return holidays.of(year).keySet().stream().map(LocalDate::toString).toList();
    }

    @Test
    void the2025ListMatchesTheCabinetOffice() {
        assertThat(datesOf(2025)).containsExactly("2025-01-01", "2025-01-13", "2025-02-11", "2025-02-23", "2025-02-24",
            "2025-03-20", "2025-04-29", "2025-05-03", "2025-05-04", "2025-05-05", "2025-05-06", "2025-07-21",
            "2025-08-11", "2025-09-15", "2025-09-23", "2025-10-13", "2025-11-03", "2025-11-23", "2025-11-24");
    }

    @Test
    void the2026ListHasACitizensHolidayInSilverWeek() {
        assertThat(datesOf(2026)).containsExactly("2026-01-01", "2026-01-12", "2026-02-11", "2026-02-23", "2026-03-20",
            "2026-04-29", "2026-05-03", "2026-05-04", "2026-05-05", "2026-05-06", "2026-07-20", "2026-08-11",
            "2026-09-21", "2026-09-22", "2026-09-23", "2026-10-12", "2026-11-03", "2026-11-23");
        assertThat(holidays.holidayOn(LocalDate.of(2026, 9, 22))).contains(Holiday.CITIZENS_HOLIDAY);
        assertThat(holidays.holidayOn(LocalDate.of(2026, 5, 6))).contains(Holiday.SUBSTITUTE_HOLIDAY);
    }

    @Test
    void theOlympicYearsMovedTheSummerHolidays() {
        assertThat(datesOf(2020)).contains("2020-07-23", "2020-07-24", "2020-08-10").doesNotContain("2020-10-12");
        assertThat(datesOf(2021)).contains("2021-07-22", "2021-07-23", "2021-08-08", "2021-08-09")
            .doesNotContain("2021-10-11", "2021-08-11");
    }

    @Test
    void equinoxesMatchTheAnnouncedDays() {
        // Announced by the National Astronomical Observatory of Japan.
        Map<Integer, List<Integer>> announced = Map.of(2020, List.of(20, 22), 2023, List.of(21, 23),
            2024, List.of(20, 22), 2025, List.of(20, 23), 2026, List.of(20, 23), 2027, List.of(21, 23));
        announced.forEach((year, days) -> {
            assertThat(JapaneseHolidays.vernalEquinoxDay(year)).as("vernal %d", year).isEqualTo(days.get(0));
            assertThat(JapaneseHolidays.autumnalEquinoxDay(year)).as("autumnal %d", year).isEqualTo(days.get(1));
        });
    }

    @Test
    void everyYearTo2050HasItsSixteenHolidaysInLawAndNoneOnASundayWithoutASubstitute() {
        for (int year = 2022; year <= 2050; year++) {
            Map<LocalDate, Holiday> days = holidays.of(year);
            assertThat(days.values().stream().filter(Holiday::inLaw).count()).as("holidays in law %d", year).isEqualTo(16);
            days.forEach((date, holiday) -> {
                if (holiday.inLaw() && date.getDayOfWeek() == java.time.DayOfWeek.SUNDAY) {
                    LocalDate next = date.plusDays(1);
                    while (days.containsKey(next) && days.get(next).inLaw()) {
                        next = next.plusDays(1);
                    }
                    assertThat(days.get(next)).as("substitute for %s", date).isEqualTo(Holiday.SUBSTITUTE_HOLIDAY);
                }
            });
        }
    }

    @Test
    void silverWeekCitizensHolidaysComeIn2032And2037() {
        assertThat(holidays.holidayOn(LocalDate.of(2032, 9, 21))).contains(Holiday.CITIZENS_HOLIDAY);
        assertThat(holidays.holidayOn(LocalDate.of(2037, 9, 22))).contains(Holiday.CITIZENS_HOLIDAY);
    }

    @Test
    void yearsOutsideTheRulesHaveNoHolidays() {
        assertThat(holidays.of(2019)).isEmpty();
        assertThat(holidays.of(2100)).isEmpty();
    }
}
