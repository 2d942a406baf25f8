package io.kioskfleet.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Japan's national holidays (国民の祝日) computed by the rules of the Public Holiday Act as they
 * stand since 2020: fixed days, "Happy Monday" days, the equinoxes by the usual astronomical
 * approximation, substitute holidays (振替休日) and citizens' holidays (国民の休日), plus the
 * one-off moves of the Tokyo Olympics years 2020 and 2021.
 *
 * <p>Correct for {@link #FIRST_YEAR} to {@link #LAST_YEAR} (the equinox formula's range), as far
 * as the law does not change; years outside that range have no holidays here. The cabinet
 * announces each equinox day a year ahead; the formula has matched every announcement so far.
 */
public final class JapaneseHolidays {

    /** The first year these rules describe (the Emperor's birthday moved to 23 February in 2020). */
    public static final int FIRST_YEAR = 2020;
    /** The last year the equinox formula is valid for. */
    public static final int LAST_YEAR = 2099;

    private final Map<Integer, Map<LocalDate, Holiday>> byYear = new ConcurrentHashMap<>();

    /** True when {@code date} is a national holiday, a substitute holiday or a citizens' holiday. */
    public boolean isHoliday(LocalDate date) {
        return holidayOn(date).isPresent();
    }

    /** The holiday on {@code date}, if it is one. */
    public Optional<Holiday> holidayOn(LocalDate date) {
        return Optional.ofNullable(of(date.getYear()).get(date));
    }

    /** Every holiday of {@code year} in date order (empty outside {@link #FIRST_YEAR}–{@link #LAST_YEAR}). */
    public Map<LocalDate, Holiday> of(int year) {
        return byYear.computeIfAbsent(year, JapaneseHolidays::compute);
    }

    private static Map<LocalDate, Holiday> compute(int year) {
        TreeMap<LocalDate, Holiday> days = new TreeMap<>();
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            return days;
        }
        put(days, LocalDate.of(year, 1, 1), Holiday.NEW_YEARS_DAY);
        put(days, nthMonday(year, Month.JANUARY, 2), Holiday.COMING_OF_AGE_DAY);
        put(days, LocalDate.of(year, 2, 11), Holiday.NATIONAL_FOUNDATION_DAY);
        put(days, LocalDate.of(year, 2, 23), Holiday.EMPERORS_BIRTHDAY);
        put(days, LocalDate.of(year, 3, vernalEquinoxDay(year)), Holiday.VERNAL_EQUINOX_DAY);
        put(days, LocalDate.of(year, 4, 29), Holiday.SHOWA_DAY);
        put(days, LocalDate.of(year, 5, 3), Holiday.CONSTITUTION_MEMORIAL_DAY);
        put(days, LocalDate.of(year, 5, 4), Holiday.GREENERY_DAY);
        put(days, LocalDate.of(year, 5, 5), Holiday.CHILDRENS_DAY);
        put(days, marineDay(year), Holiday.MARINE_DAY);
        put(days, mountainDay(year), Holiday.MOUNTAIN_DAY);
        put(days, nthMonday(year, Month.SEPTEMBER, 3), Holiday.RESPECT_FOR_THE_AGED_DAY);
        put(days, LocalDate.of(year, 9, autumnalEquinoxDay(year)), Holiday.AUTUMNAL_EQUINOX_DAY);
        put(days, sportsDay(year), Holiday.SPORTS_DAY);
        put(days, LocalDate.of(year, 11, 3), Holiday.CULTURE_DAY);
        put(days, LocalDate.of(year, 11, 23), Holiday.LABOUR_THANKSGIVING_DAY);
        addCitizensHolidays(days);
        addSubstituteHolidays(days);
        return Collections.unmodifiableSortedMap(days);
    }

    /**
     * 国民の休日: a day that is not itself a holiday but lies between two national holidays
     * (in practice the Tuesday between Respect for the Aged Day and the autumnal equinox).
     */
    private static void addCitizensHolidays(TreeMap<LocalDate, Holiday> days) {
        for (LocalDate holiday : Map.copyOf(days).keySet()) {
            LocalDate between = holiday.plusDays(1);
            if (!days.containsKey(between) && days.containsKey(between.plusDays(1))
                && between.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.put(between, Holiday.CITIZENS_HOLIDAY);
            }
        }
    }

    /** 振替休日: a holiday on a Sunday moves to the next day that is not already a holiday. */
    private static void addSubstituteHolidays(TreeMap<LocalDate, Holiday> days) {
        for (LocalDate holiday : new TreeMap<>(days).keySet()) {
            if (holiday.getDayOfWeek() == DayOfWeek.SUNDAY && days.get(holiday).inLaw()) {
                LocalDate substitute = holiday.plusDays(1);
                while (days.containsKey(substitute)) {
                    substitute = substitute.plusDays(1);
                }
                days.put(substitute, Holiday.SUBSTITUTE_HOLIDAY);
            }
        }
    }

    /** Day of March of the vernal equinox (valid 1980–2099). */
    static int vernalEquinoxDay(int year) {
        return (int) Math.floor(20.8431 + 0.242194 * (year - 1980) - Math.floor((year - 1980) / 4.0));
    }

    /** Day of September of the autumnal equinox (valid 1980–2099). */
    static int autumnalEquinoxDay(int year) {
        return (int) Math.floor(23.2488 + 0.242194 * (year - 1980) - Math.floor((year - 1980) / 4.0));
    }

    private static LocalDate marineDay(int year) {
        return switch (year) {
            case 2020 -> LocalDate.of(2020, 7, 23);
            case 2021 -> LocalDate.of(2021, 7, 22);
            default -> nthMonday(year, Month.JULY, 3);
        };
    }

    private static LocalDate mountainDay(int year) {
        return switch (year) {
            case 2020 -> LocalDate.of(2020, 8, 10);
            case 2021 -> LocalDate.of(2021, 8, 8);
            default -> LocalDate.of(year, 8, 11);
        };
    }

    private static LocalDate sportsDay(int year) {
        return switch (year) {
            case 2020 -> LocalDate.of(2020, 7, 24);
            case 2021 -> LocalDate.of(2021, 7, 23);
            default -> nthMonday(year, Month.OCTOBER, 2);
        };
    }

    private static LocalDate nthMonday(int year, Month month, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, DayOfWeek.MONDAY));
    }

    private static void put(TreeMap<LocalDate, Holiday> days, LocalDate date, Holiday holiday) {
        days.put(date, holiday);
    }
}
