package io.kioskfleet.console.desks;

import io.kioskfleet.console.ConsolePage;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.desks.Booking;
import io.kioskfleet.core.desks.BookingRequest;
import io.kioskfleet.core.desks.CheckInMethod;
import io.kioskfleet.core.desks.DeskBookings;
import io.kioskfleet.core.desks.DeskCatalogue;
import io.kioskfleet.core.desks.Floor;
import io.kioskfleet.core.desks.Site;
import io.kioskfleet.core.desks.SlotKind;
import io.kioskfleet.core.loans.LaptopLending;
import io.kioskfleet.core.loans.Loan;
import io.kioskfleet.core.loans.OverdueLoanReminders;
import io.kioskfleet.core.desks.SeriesRequest;
import io.kioskfleet.core.desks.Slot;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Staff self-service, made for a phone: find a free desk on a floor for a date and slot, book
 * it, see my bookings and my borrowed laptop, check in or cancel, and the check-in page a desk's
 * QR code opens.
 */
@ConsolePage
public class DeskPages {

    /** The hour an hourly search starts at when none is chosen. */
    private static final int DEFAULT_FROM_HOUR = 9;

    private final DeskCatalogue catalogue;
    private final DeskBookings bookings;
    private final LaptopLending lending;
    private final OverdueLoanReminders loanReminders;
    private final DeskPlaces places;
    private final RefusalMessages refusals;
    private final Clock clock;
    private final ZoneId zone;

    public DeskPages(DeskCatalogue catalogue, DeskBookings bookings, LaptopLending lending,
                     OverdueLoanReminders loanReminders, DeskPlaces places, RefusalMessages refusals, Clock clock, @Value("${kioskfleet.time-zone:Asia/Tokyo}") ZoneId zone) {
        this.catalogue = catalogue;
        this.bookings = bookings;
        this.lending = lending;
        this.loanReminders = loanReminders;
        this.places = places;
        this.refusals = refusals;
        this.clock = clock;
        this.zone = zone;
    }

    /** Find a free desk: pick a floor, a date and a slot; the floor's desks show free or taken. */
    @GetMapping("/desks")
    public String find(Actor actor, Locale locale, Model model, @RequestParam(required = false) String floor,
                       @RequestParam(required = false) LocalDate date, @RequestParam(required = false) SlotKind kind,
                       @RequestParam(required = false) Integer fromHour, @RequestParam(required = false) Integer toHour) {
        List<Site> sites = catalogue.sites(actor);
        LocalDate day = date == null ? LocalDate.now(clock.withZone(zone)) : date;
        SlotKind slot = kind == null ? SlotKind.WHOLE_DAY : kind;
        String chosenFloor = floor != null ? floor : sites.stream().flatMap(site -> site.floors().stream()).map(Floor::id)
            .findFirst().orElse(null);
        model.addAttribute("sites", sites);
        model.addAttribute("floor", chosenFloor);
        model.addAttribute("date", day);
        model.addAttribute("kind", slot);
        model.addAttribute("kinds", SlotKind.values());
        Integer from = fromHour == null ? DEFAULT_FROM_HOUR : fromHour;
        Integer to = toHour == null ? from + 1 : toHour;
        model.addAttribute("fromHour", from);
        model.addAttribute("toHour", to);
        model.addAttribute("hours", java.util.stream.IntStream.rangeClosed(Slot.OPENS, Slot.CLOSES).boxed().toList());
        model.addAttribute("weekdays", List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
            DayOfWeek.FRIDAY));
        if (chosenFloor != null) {
            List<String> errors = refusals.attempt(() -> bookings.floorPlan(actor, chosenFloor, day, slot, from, to),
                plan -> model.addAttribute("plan", plan), locale);
            if (errors != null) {
                model.addAttribute("errors", errors);
            }
        }
        return "desks";
    }

    @PostMapping("/desks/book")
    public String book(Actor actor, Locale locale, RedirectAttributes redirect, @RequestParam String deskId,
                       @RequestParam LocalDate date, @RequestParam SlotKind kind, @RequestParam String floor,
                       @RequestParam(required = false) Integer fromHour, @RequestParam(required = false) Integer toHour) {
        List<String> errors = refusals.attempt(() -> bookings.book(actor, new BookingRequest(deskId, date, kind, fromHour, toHour,
            null)), booked -> redirect.addFlashAttribute("booked", booked.id()), locale);
        if (errors != null) {
            redirect.addFlashAttribute("errors", errors);
            return "redirect:" + findAgain(floor, date, kind, fromHour, toHour);
        }
        return "redirect:/desks/mine";
    }

    /**
     * Books a desk every week on the chosen weekdays between two dates (within the site's limits);
     * "my bookings" then lists what was booked and says why each other date was not.
     */
    @PostMapping("/desks/series")
    public String bookSeries(Actor actor, Locale locale, RedirectAttributes redirect, @RequestParam String deskId,
                             @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate until,
                             @RequestParam(required = false) Set<DayOfWeek> weekdays, @RequestParam SlotKind kind,
                             @RequestParam String floor, @RequestParam(required = false) Integer fromHour,
                             @RequestParam(required = false) Integer toHour) {
        List<String> errors = refusals.attempt(() -> bookings.bookSeries(actor, new SeriesRequest(deskId, from, until,
            weekdays == null ? Set.of() : weekdays, kind, fromHour, toHour, null)), report -> {
                redirect.addFlashAttribute("seriesBooked", report.booked().size());
                redirect.addFlashAttribute("seriesRefused", report.refused().stream()
                    .map(refused -> refused.date() + ": " + refusals.explain(refused, locale)).toList());
            }, locale);
        if (errors != null) {
            redirect.addFlashAttribute("errors", errors);
            return "redirect:" + findAgain(floor, from == null ? null : from, kind, fromHour, toHour);
        }
        return "redirect:/desks/mine";
    }

    private static String findAgain(String floor, LocalDate date, SlotKind kind, Integer fromHour, Integer toHour) {
        return UriComponentsBuilder.fromPath("/desks").queryParam("floor", floor).queryParamIfPresent("date",
                java.util.Optional.ofNullable(date)).queryParam("kind", kind)
            .queryParamIfPresent("fromHour", java.util.Optional.ofNullable(fromHour))
            .queryParamIfPresent("toHour", java.util.Optional.ofNullable(toHour)).build().encode().toUriString();
    }

    /** My bookings from today on, and the laptops I borrowed. */
    @GetMapping("/desks/mine")
    public String mine(Actor actor, Model model) {
        List<Booking> mine = bookings.mine(actor);
        model.addAttribute("bookings", mine);
        model.addAttribute("places", mine.stream().collect(java.util.stream.Collectors.toMap(Booking::id,
            booking -> places.placeOf(actor, booking))));
        Instant now = clock.instant();
        List<Loan> loans = lending.mine(actor);
        model.addAttribute("loans", loans);
        model.addAttribute("overdue", loans.stream().anyMatch(loan -> loan.overdueAt(now)));
        Map<String, LocalDate> reminded = new HashMap<>();
        loans.stream().filter(loan -> loan.overdueAt(now)).forEach(loan -> loanReminders.latest(loan, now)
            .ifPresent(reminder -> reminded.put(loan.id(), reminder.on())));
        model.addAttribute("reminded", reminded);
        model.addAttribute("now", now);
        return "desks-mine";
    }

    @PostMapping("/desks/bookings/{id}/check-in")
    public String checkIn(Actor actor, Locale locale, RedirectAttributes redirect, @PathVariable String id) {
        return afterAction(redirect, refusals.attempt(() -> bookings.checkIn(actor, id, CheckInMethod.WEB), locale), "checkedIn");
    }

    @PostMapping("/desks/bookings/{id}/cancel")
    public String cancel(Actor actor, Locale locale, RedirectAttributes redirect, @PathVariable String id) {
        return afterAction(redirect, refusals.attempt(() -> bookings.cancel(actor, id), locale), "cancelled");
    }

    /** The page a desk's QR code opens: which desk, and a button to check in there. */
    @GetMapping("/desks/{id}/check-in")
    public String checkInPage(Actor actor, Model model, @PathVariable String id) {
        model.addAttribute("desk", catalogue.desk(actor, id));
        return "desk-check-in";
    }

    @PostMapping("/desks/{id}/check-in")
    public String checkInAtDesk(Actor actor, Locale locale, Model model, @PathVariable String id) {
        List<String> errors = refusals.attempt(() -> bookings.checkInAtDesk(actor, id, CheckInMethod.QR),
            booking -> model.addAttribute("checkedIn", booking), locale);
        model.addAttribute("errors", errors);
        return checkInPage(actor, model, id);
    }

    private static String afterAction(RedirectAttributes redirect, List<String> errors, String done) {
        if (errors != null) {
            redirect.addFlashAttribute("errors", errors);
        } else {
            redirect.addFlashAttribute("done", done);
        }
        return "redirect:/desks/mine";
    }
}
