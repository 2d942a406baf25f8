package io.kioskfleet.core.deviceauth;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads the {@code X-KF-Timestamp} of a signed request. Every device request carries one, and
 * {@link Instant#parse} (a general formatter) took about 3 % of a check-in's server time in the
 * profile, so the form agents send, {@code 2026-11-23T01:02:03[.fraction]Z}, is read digit by
 * digit; anything else is left to {@link Instant#parse}, which stays the judge of what is valid.
 */
final class SignedTimestamp {

    /** Length of {@code 2026-11-23T01:02:03Z}, the shortest form read here. */
    private static final int SECONDS_FORM = 20;
    private static final int MAX_FRACTION_DIGITS = 9;

    private SignedTimestamp() {
    }

    /**
     * @throws DateTimeException when {@code text} is no ISO-8601 instant
     */
    static Instant parse(String text) {
        Instant read = readCommonForm(text);
        return read != null ? read : Instant.parse(text);
    }

    /** The instant when {@code text} has the agents' form with sane fields, else null. */
    private static Instant readCommonForm(String text) {
        int length = text.length();
        if (length < SECONDS_FORM || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-' || text.charAt(7) != '-'
            || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int nanos = fraction(text, 19, length - 1);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 && !validDay(year, month, day)
            || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || nanos < 0) {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The number in {@code count} decimal digits at {@code from}, or -1 if any is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Nanoseconds of the fraction between {@code from} (its dot) and {@code end}; 0 if none; -1 if malformed. */
    private static int fraction(String text, int from, int end) {
        if (from == end) {
            return 0;
        }
        int count = end - from - 1;
        if (text.charAt(from) != '.' || count < 1 || count > MAX_FRACTION_DIGITS) {
            return -1;
        }
        int value = digits(text, from + 1, count);
        for (int i = count; i < MAX_FRACTION_DIGITS && value >= 0; i++) {
            value *= 10;
        }
        return value;
    }

    private static boolean validDay(int year, int month, int day) {
        try {
            LocalDate.of(year, month, day);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
