package io.kioskfleet.console.schedules;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.calendar.OfficeCalendar;
import io.kioskfleet.core.calendar.OfficeClosures;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/calendar}: the Japanese public holidays of a year and the offices' closures,
 * which schedules that skip holidays do not fire on.
 */
@RestController
@RequestMapping("/api/v1/calendar")
public class CalendarController {

    private final OfficeCalendar calendar;

    public CalendarController(OfficeCalendar calendar) {
        this.calendar = calendar;
    }

    /** One holiday: its date and its name in law. */
    public record HolidayEntry(String date, String name, String japaneseName) {
    }

    /** The closures an admin sends. */
    public record ClosuresRequest(List<String> yearlyClosures, List<String> closedDates, Long version) {
    }

    @GetMapping("/holidays")
    public List<HolidayEntry> holidays(@RequestParam int year) {
        return calendar.holidays().of(year).entrySet().stream()
            .map(day -> new HolidayEntry(day.getKey().toString(), day.getValue().name(), day.getValue().japaneseName()))
            .toList();
    }

    @GetMapping("/closures")
    public OfficeClosures closures() {
        return calendar.closures();
    }

    @PutMapping("/closures")
    public OfficeClosures change(Actor actor, @RequestBody ClosuresRequest request) {
        return calendar.change(actor, request.yearlyClosures(), request.closedDates(), request.version());
    }
}
