package io.kioskfleet.core.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SLA time counts only office hours on working days. */
class OfficeHoursCalendarTest {

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    /** 2026-11-23 is Labour Thanksgiving Day (勤労感謝の日), a Monday. */
    static final OfficeHoursCalendar CITY_HALL = new OfficeHoursCalendar(TOKYO, LocalTime.of(8, 30), LocalTime.of(17, 15),
        Set.of(LocalDate.of(2026, 11, 23)));

    static Instant tokyo(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(TOKYO).toInstant();
    }

    @Test
    void fourOfficeHoursFromFridayAfternoonEndOnTuesdayWhenMondayIsAHoliday() {
        Instant due = CITY_HALL.plus(tokyo("2026-11-20T16:00"), Duration.ofHours(4));

        assertThat(due).isEqualTo(tokyo("2026-11-24T11:15"));
        assertThat(CITY_HALL.between(tokyo("2026-11-20T16:00"), due)).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void aTicketRaisedAtNightStartsCountingWhenTheOfficeOpens() {
        assertThat(CITY_HALL.plus(tokyo("2026-11-25T22:00"), Duration.ofMinutes(30))).isEqualTo(tokyo("2026-11-26T09:00"));
        assertThat(CITY_HALL.between(tokyo("2026-11-26T09:00"), tokyo("2026-11-25T22:00")))
            .isEqualTo(Duration.ofMinutes(-30));
    }
}
