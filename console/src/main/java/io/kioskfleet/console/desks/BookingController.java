package io.kioskfleet.console.desks;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.desks.Booking;
import io.kioskfleet.core.desks.BookingRequest;
import io.kioskfleet.core.desks.CheckInMethod;
import io.kioskfleet.core.desks.DeskBookings;
import io.kioskfleet.core.desks.SeriesReport;
import io.kioskfleet.core.desks.SeriesRequest;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/bookings}: book a desk (one slot or a weekly series), cancel, check in (by
 * booking, or at a desk as its QR code does), my bookings, admins' lists, and calendar files.
 */
@RestController
@RequestMapping("/api/v1/bookings")
public class BookingController {

    private final DeskBookings bookings;
    private final DeskPlaces places;
    private final Clock clock;
    private final ZoneId zone;

    public BookingController(DeskBookings bookings, DeskPlaces places, Clock clock,
                             @Value("${kioskfleet.time-zone:Asia/Tokyo}") ZoneId zone) {
        this.bookings = bookings;
        this.places = places;
        this.clock = clock;
        this.zone = zone;
    }

    @PostMapping
    public ResponseEntity<Booking> book(Actor actor, @RequestBody BookingRequest request) {
        Booking booking = bookings.book(actor, request);
        return ResponseEntity.created(URI.create("/api/v1/bookings/" + booking.id())).body(booking);
    }

    /** Books every chosen weekday until a date; each occurrence is booked or reported on its own. */
    @PostMapping("/series")
    public ResponseEntity<SeriesReport> bookSeries(Actor actor, @RequestBody SeriesRequest request) {
        return ResponseEntity.status(201).body(bookings.bookSeries(actor, request));
    }

    @GetMapping("/mine")
    public List<Booking> mine(Actor actor) {
        return bookings.mine(actor);
    }

    @GetMapping(value = "/mine.ics", produces = BookingCalendar.MEDIA_TYPE)
    public ResponseEntity<String> mineAsCalendar(Actor actor) {
        return calendar(bookings.mine(actor), actor, "my-desk-bookings.ics");
    }

    /** Admins: the bookings of a period (at most 92 days), optionally of one person. */
    @GetMapping
    public List<Booking> list(Actor actor, @RequestParam LocalDate from, @RequestParam LocalDate to,
                              @RequestParam(required = false) String user) {
        return bookings.list(actor, from, to, user);
    }

    @GetMapping("/{id}")
    public Booking get(Actor actor, @PathVariable String id) {
        return bookings.get(actor, id);
    }

    @GetMapping(value = "/{id}.ics", produces = BookingCalendar.MEDIA_TYPE)
    public ResponseEntity<String> asCalendar(Actor actor, @PathVariable String id) {
        return calendar(List.of(bookings.get(actor, id)), actor, id + ".ics");
    }

    @PostMapping("/{id}/cancel")
    public Booking cancel(Actor actor, @PathVariable String id) {
        return bookings.cancel(actor, id);
    }

    @PostMapping("/{id}/check-in")
    public Booking checkIn(Actor actor, @PathVariable String id) {
        return bookings.checkIn(actor, id, CheckInMethod.WEB);
    }

    /** What a desk's QR code leads to: check the caller in to their booking of that desk now. */
    @PostMapping("/check-in")
    public Booking checkInAtDesk(Actor actor, @RequestParam String desk) {
        return bookings.checkInAtDesk(actor, desk, CheckInMethod.QR);
    }

    private ResponseEntity<String> calendar(List<Booking> booked, Actor actor, String fileName) {
        String body = BookingCalendar.of(booked, booking -> places.placeOf(actor, booking), zone, clock.instant());
        return ResponseEntity.ok()
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
            .header(HttpHeaders.CONTENT_TYPE, BookingCalendar.MEDIA_TYPE)
            .body(body);
    }
}
