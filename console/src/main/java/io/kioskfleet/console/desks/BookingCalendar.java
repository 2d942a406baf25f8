package io.kioskfleet.console.desks;

import io.kioskfleet.core.desks.Booking;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

/**
 * Bookings as an iCalendar file (RFC 5545) for the booker's calendar: one VEVENT per booking,
 * times in UTC (so no VTIMEZONE is needed), lines folded at 75 octets and ended with CRLF.
 */
final class BookingCalendar {

    static final String MEDIA_TYPE = "text/calendar;charset=UTF-8";
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private BookingCalendar() {
    }

    /**
     * @param bookings  the bookings
     * @param placeOf   the words for where a booking's desk is ("3F-A-12, 3F, 北部支所庁舎")
     * @param zone      the zone the bookings' hours are in
     * @param now       the time stamp of the file
     */
    static String of(List<Booking> bookings, Function<Booking, String> placeOf, ZoneId zone, Instant now) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//KioskFleet//Desk bookings//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        for (Booking booking : bookings) {
            String place = placeOf.apply(booking);
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + booking.id() + "@kioskfleet");
            line(out, "DTSTAMP:" + UTC.format(now));
            line(out, "DTSTART:" + UTC.format(booking.slot().start(zone)));
            line(out, "DTEND:" + UTC.format(booking.slot().end(zone)));
            line(out, "SUMMARY:" + text("Desk " + place));
            line(out, "LOCATION:" + text(place));
            line(out, "STATUS:" + (booking.state().holdsDesk() ? "CONFIRMED" : "CANCELLED"));
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** Escapes a TEXT value (RFC 5545 3.3.11). */
    private static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
    }

    /** Appends one content line, folded so no line is longer than 75 octets of UTF-8. */
    private static void line(StringBuilder out, String content) {
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (octets + size > 75) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
    }
}
