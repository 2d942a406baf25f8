package io.kioskfleet.core.desks;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.access.ForbiddenException;
import io.kioskfleet.core.access.Role;
import io.kioskfleet.core.input.InputCheck;
import io.kioskfleet.core.ous.OrganisationUnits;
import io.kioskfleet.core.store.ConflictException;
import io.kioskfleet.core.store.IdKind;
import io.kioskfleet.core.store.NotFoundException;
import io.kioskfleet.core.store.VersionConflictException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Booking desks: for oneself (staff) or for someone else (admins, in their scope), one slot or a
 * weekly series, within the site's limits; cancelling; checking in; the floor plan of free desks.
 *
 * <p>No desk is ever double-booked: a booking is stored PENDING, takes its place in the person's
 * week and its unique claims on the desk's and the person's time ({@link DeskClaims}), and only
 * then becomes CONFIRMED. The first to claim wins; the others give back what they took and are
 * answered 409 (or 400 for the person's own overlap or full week).
 */
public final class DeskBookings {

    /** A PENDING booking older than this was left by a crash: its claims are orphans. */
    static final Duration STALE_PENDING = Duration.ofMinutes(2);
    /** How early before its slot a booker may check in. */
    static final Duration EARLY_CHECK_IN = Duration.ofMinutes(30);
    /** How far ahead "my bookings" looks. */
    static final int UPCOMING_DAYS = 366;
    /** Enough attempts to clear every orphan a crash can leave in one slot's way. */
    private static final int MAX_CLAIM_ATTEMPTS = 2 * (Slot.CLOSES - Slot.OPENS) + 2;
    private static final Set<BookingState> HOLDING = EnumSet.of(BookingState.CONFIRMED, BookingState.CHECKED_IN);

    private final DeskCatalogue catalogue;
    private final BookingRepository bookings;
    private final DeskClaims claims;
    private final OrganisationUnits units;
    private final Clock clock;
    private final ZoneId zone;

    public DeskBookings(DeskCatalogue catalogue, BookingRepository bookings, DeskClaims claims, OrganisationUnits units,
                        Clock clock, ZoneId zone) {
        this.catalogue = catalogue;
        this.bookings = bookings;
        this.claims = claims;
        this.units = units;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * Books one slot.
     *
     * @throws BookingRulesException when the request breaks a rule of the site
     * @throws ConflictException     {@code desk-taken} when someone holds an hour of the slot
     */
    public Booking book(Actor actor, BookingRequest request) {
        Slot slot = slotOf(request.date(), request.kind(), request.fromHour(), request.toHour());
        Desk desk = bookableDesk(request.deskId());
        String user = bookerFor(actor, desk, request.user());
        return bookChecked(actor, desk, user, slot, null);
    }

    /** Books a weekly series, each occurrence on its own (see {@link SeriesReport}). */
    public SeriesReport bookSeries(Actor actor, SeriesRequest request) {
        InputCheck check = new InputCheck();
        check.require(request.from() != null, "from", "is required");
        check.require(request.until() != null, "until", "is required");
        check.require(request.weekdays() != null && !request.weekdays().isEmpty(), "weekdays", "must name at least one weekday");
        check.orThrow();
        check.require(!request.until().isBefore(request.from()), "until", "must not be before from");
        check.require(ChronoUnit.DAYS.between(request.from(), request.until()) <= UPCOMING_DAYS, "until",
            "must be within a year of from");
        check.orThrow();
        slotOf(request.from(), request.kind(), request.fromHour(), request.toHour());
        Desk desk = bookableDesk(request.deskId());
        String user = bookerFor(actor, desk, request.user());
        String seriesId = IdKind.BOOKING.prefix() + "s_" + IdKind.BOOKING.newId().substring(4);
        List<Booking> booked = new ArrayList<>();
        List<SeriesReport.RefusedOccurrence> refused = new ArrayList<>();
        for (LocalDate date = request.from(); !date.isAfter(request.until()); date = date.plusDays(1)) {
            if (!request.weekdays().contains(date.getDayOfWeek())) {
                continue;
            }
            try {
                Slot slot = Slot.of(date, request.kind(), orZero(request.fromHour()), orZero(request.toHour()));
                booked.add(bookChecked(actor, desk, user, slot, seriesId));
            } catch (BookingRulesException e) {
                BrokenRule rule = e.rules().get(0);
                refused.add(new SeriesReport.RefusedOccurrence(date, rule.reason(), rule.message(), rule.args()));
            } catch (ConflictException e) {
                refused.add(new SeriesReport.RefusedOccurrence(date, e.reason(), e.getMessage(), List.of()));
            }
        }
        return new SeriesReport(seriesId, booked, refused);
    }

    /** Gives the desk back: the booker may, and admins in scope. A booking that is over stays as it was. */
    public Booking cancel(Actor actor, String id) {
        Booking current = visible(actor, id);
        if (!current.state().holdsDesk()) {
            throw new ConflictException("booking-not-active", "booking " + id + " is " + current.state() + " and holds no desk");
        }
        Instant now = clock.instant();
        if (!current.slot().end(zone).isAfter(now)) {
            throw rule("id", "slot-over", "the slot is over; there is nothing to cancel", current.date());
        }
        Booking cancelled = current.closed(BookingState.CANCELLED, now, actor.username());
        // State first, claims second: a crash in between leaves claims of a CANCELLED booking, which are orphans.
        bookings.replace(cancelled, current.version());
        claims.release(current);
        return cancelled;
    }

    /** Checks the booker in on the web page (or through the API). Checking in twice answers the same. */
    public Booking checkIn(Actor actor, String id, CheckInMethod method) {
        Booking current = visible(actor, id);
        if (!current.user().equals(actor.username())) {
            throw new ForbiddenException(actor.username() + " may check in only to their own bookings");
        }
        return checkedIn(current, method);
    }

    /**
     * Checks the caller in at a desk (the page the desk's QR code opens): their booking of that
     * desk for now, if they have one.
     *
     * @throws ConflictException {@code desk-booked-by-someone-else} or {@code no-booking-here}
     */
    public Booking checkInAtDesk(Actor actor, String deskId, CheckInMethod method) {
        actor.requireAny(DeskCatalogue.VIEWERS);
        Desk desk = catalogue.desk(deskId);
        DeskClaim claim = claimNow(desk.id()).orElseThrow(() -> new ConflictException("no-booking-here",
            "you have no booking of desk " + desk.name() + " now; book it first"));
        if (!claim.user().equals(actor.username())) {
            throw new ConflictException("desk-booked-by-someone-else", "desk " + desk.name()
                + " is booked by someone else now; check in at your own desk");
        }
        Booking booking = bookings.find(claim.bookingId()).orElseThrow(() -> new NotFoundException("booking", claim.bookingId()));
        return checkedIn(booking, method);
    }

    /**
     * Checks {@code user} in at {@code deskId} because a laptop session started there; nothing
     * happens when they hold no booking of that desk now.
     */
    public Optional<Booking> checkInFromSession(String user, String deskId) {
        if (user == null || deskId == null || catalogue.findDesk(deskId).isEmpty()) {
            return Optional.empty();
        }
        return claimNow(deskId).filter(claim -> claim.user().equals(user))
            .flatMap(claim -> bookings.find(claim.bookingId()))
            .filter(booking -> booking.state().holdsDesk())
            .map(booking -> checkedIn(booking, CheckInMethod.SESSION));
    }

    /** One booking: the booker's own, or any in an admin's scope. */
    public Booking get(Actor actor, String id) {
        return visible(actor, id);
    }

    /** The caller's bookings from today on that still hold a desk, soonest first. */
    public List<Booking> mine(Actor actor) {
        actor.requireAny(DeskCatalogue.VIEWERS);
        LocalDate today = today();
        return bookings.ofUser(actor.username(), today, today.plusDays(UPCOMING_DAYS), HOLDING);
    }

    /** Bookings of a period for admins (in their scope), optionally of one person; scans the period's months. */
    public List<Booking> list(Actor actor, LocalDate from, LocalDate to, String user) {
        actor.requireAny(Role.FLEET_ADMIN, Role.BRANCH_ADMIN, Role.HELPDESK, Role.AUDITOR);
        InputCheck check = new InputCheck();
        check.require(from != null && to != null && !to.isBefore(from) && ChronoUnit.DAYS.between(from, to) <= 92, "to",
            "from and to must span at most 92 days");
        check.orThrow();
        var scope = units.scopeOf(actor);
        List<Booking> found = user == null ? bookings.dated(from, to, EnumSet.allOf(BookingState.class))
            : bookings.ofUser(user, from, to, EnumSet.allOf(BookingState.class));
        return found.stream().filter(booking -> scope.contains(booking.ouId())).toList();
    }

    /** The desks of a floor and whether each is free for the slot: from memory, no scan. */
    public List<DeskAvailability> floorPlan(Actor actor, String floorId, LocalDate date, SlotKind kind, Integer fromHour,
                                            Integer toHour) {
        actor.requireAny(DeskCatalogue.VIEWERS);
        Slot slot = slotOf(date, kind, fromHour, toHour);
        int wanted = slot.hourMask();
        return catalogue.desksOnFloor(floorId).stream().map(desk -> {
            int taken = claims.takenHours(desk.id(), date);
            return new DeskAvailability(desk, taken, desk.bookable() && (taken & wanted) == 0);
        }).toList();
    }

    private Booking bookChecked(Actor actor, Desk desk, String user, Slot slot, String seriesId) {
        Site site = catalogue.site(desk.siteId());
        checkLimits(site.limits(), slot);
        Instant now = clock.instant();
        Booking pending = new Booking(BookingRepository.newId(slot.date()), desk.id(), desk.siteId(), desk.floorId(),
            desk.ouId(), user, slot.date(), slot.kind(), slot.fromHour(), slot.toHour(), BookingState.PENDING, seriesId, now,
            actor.username(), null, null, null, null, 1);
        bookings.insert(pending);
        for (int attempt = 0; ; attempt++) {
            Optional<DeskClaims.Refusal> refusal = claims.claim(pending, site.limits().maxPerWeek());
            if (refusal.isEmpty()) {
                break;
            }
            if (attempt < MAX_CLAIM_ATTEMPTS && clearedWay(pending, refusal.get(), clock.instant())) {
                continue;
            }
            bookings.delete(pending);
            throw switch (refusal.get().obstacle()) {
                case WEEK_FULL -> rule("date", "weekly-limit", user + " already has " + site.limits().maxPerWeek()
                    + " bookings in that week, the most this site allows", site.limits().maxPerWeek());
                case PERSON_BUSY -> rule("date", "overlapping", user + " already has a desk booked at that time", slot.date());
                case DESK_TAKEN -> new ConflictException("desk-taken", "desk " + desk.name() + " is already booked for that time");
            };
        }
        Booking confirmed = pending.inState(BookingState.CONFIRMED);
        bookings.replace(confirmed, pending.version());
        return confirmed;
    }

    /**
     * Clears away what stood in {@code pending}'s way when it was left by a crash or is gone.
     *
     * @return true when claiming again may succeed
     */
    private boolean clearedWay(Booking pending, DeskClaims.Refusal refusal, Instant now) {
        LocalDate date = pending.date();
        if (refusal.obstacle() == DeskClaims.Obstacle.WEEK_FULL) {
            boolean cleared = false;
            for (String other : refusal.weekOthers()) {
                Judgement judgement = judge(other, now);
                if (judgement == Judgement.MISSING) {
                    claims.removeFromWeek(pending.user(), date, other);
                }
                cleared |= judgement != Judgement.LIVE;
            }
            return cleared;
        }
        DeskClaim holder = refusal.holder();
        if (holder == null) {
            return true;
        }
        if (!holder.partial()) {
            Judgement judgement = judge(holder.bookingId(), now);
            if (judgement == Judgement.MISSING) {
                claims.removeOrphan(date, holder);
            }
            return judgement != Judgement.LIVE;
        }
        if (pending.kind() == SlotKind.HOURLY) {
            return true; // another hourly booking created the same partial marker at the same moment: join it now
        }
        // A block booking meets hourly bookings of its half-day: it may take the block only when none of them holds.
        for (String hourly : holder.holders()) {
            Judgement judgement = judge(hourly, now);
            if (judgement == Judgement.LIVE) {
                return false;
            }
            if (judgement == Judgement.MISSING) {
                claims.removeFromPartial(date, holder, hourly);
            }
        }
        claims.removeEmptyPartial(date, holder);
        return true;
    }

    /** Whether a booking met in the way still holds its claims. */
    private enum Judgement {
        /** It holds them: CONFIRMED, CHECKED_IN, or PENDING and being booked right now. */
        LIVE,
        /** It does not exist (a crash after its claims, before or instead of storing it): its traces must go. */
        MISSING,
        /** It was closed or left PENDING by a crash: it is now closed and has given back all it held. */
        CLEARED
    }

    /**
     * Judges the booking {@code bookingId} met in the way: one that is closed, or PENDING for
     * longer than a booking takes (a crash stopped it), gives back all it held.
     */
    private Judgement judge(String bookingId, Instant now) {
        Optional<Booking> found = bookings.find(bookingId);
        if (found.isEmpty()) {
            return Judgement.MISSING;
        }
        Booking holder = found.get();
        if (holder.state().holdsDesk()
            || (holder.state() == BookingState.PENDING && !holder.createdAt().plus(STALE_PENDING).isBefore(now))) {
            return Judgement.LIVE;
        }
        if (holder.state() == BookingState.PENDING) {
            try {
                bookings.replace(holder.closed(BookingState.REJECTED, now, "orphan-cleanup"), holder.version());
            } catch (VersionConflictException confirmedMeanwhile) {
                return Judgement.LIVE;
            }
        }
        claims.release(holder);
        return Judgement.CLEARED;
    }

    private void checkLimits(BookingLimits limits, Slot slot) {
        List<BrokenRule> broken = new ArrayList<>();
        Instant now = clock.instant();
        LocalDate today = today();
        if (!limits.allowedSlots().contains(slot.kind())) {
            broken.add(new BrokenRule("kind", "slot-kind-not-allowed", "this site does not allow " + slot.kind()
                + " bookings; it allows " + limits.allowedSlots(), List.of(slot.kind())));
        }
        if (!slot.end(zone).isAfter(now)) {
            broken.add(new BrokenRule("date", "slot-in-past", "the slot is in the past", List.of(slot.date())));
        } else if (slot.date().isAfter(today.plusDays(limits.maxDaysAhead()))) {
            broken.add(new BrokenRule("date", "beyond-horizon", "this site takes bookings at most " + limits.maxDaysAhead()
                + " days ahead", List.of(limits.maxDaysAhead())));
        }
        if (!broken.isEmpty()) {
            throw new BookingRulesException(broken);
        }
    }

    private Booking checkedIn(Booking current, CheckInMethod method) {
        if (current.state() == BookingState.CHECKED_IN) {
            return current;
        }
        if (current.state() != BookingState.CONFIRMED) {
            throw new ConflictException("booking-not-active", "booking " + current.id() + " is " + current.state()
                + " and cannot be checked in to");
        }
        Instant now = clock.instant();
        Slot slot = current.slot();
        if (now.isBefore(slot.start(zone).minus(EARLY_CHECK_IN))) {
            throw rule("id", "check-in-too-early", "check-in opens " + EARLY_CHECK_IN.toMinutes()
                + " minutes before the slot starts", slot.fromHour());
        }
        if (!now.isBefore(slot.end(zone))) {
            throw rule("id", "slot-over", "the slot is over", slot.date());
        }
        Booking checkedIn = current.checkedIn(now, method);
        bookings.replace(checkedIn, current.version());
        return checkedIn;
    }

    /** The claim on {@code deskId} for this hour, or for the next one when it starts within the early check-in time. */
    private Optional<DeskClaim> claimNow(String deskId) {
        LocalDateTime local = LocalDateTime.ofInstant(clock.instant(), zone);
        LocalDate date = local.toLocalDate();
        int hour = local.getHour();
        Optional<DeskClaim> current = hour >= Slot.OPENS && hour < Slot.CLOSES
            ? claims.holderOf(deskId, date, hour) : Optional.empty();
        LocalDateTime soon = local.plus(EARLY_CHECK_IN);
        if (current.isEmpty() && soon.getHour() != hour && soon.getHour() >= Slot.OPENS && soon.getHour() < Slot.CLOSES) {
            return claims.holderOf(deskId, soon.toLocalDate(), soon.getHour());
        }
        return current;
    }

    private Slot slotOf(LocalDate date, SlotKind kind, Integer fromHour, Integer toHour) {
        InputCheck check = new InputCheck();
        check.require(date != null, "date", "is required (yyyy-mm-dd)");
        check.require(kind != null, "kind", "is required: MORNING, AFTERNOON, WHOLE_DAY or HOURLY");
        if (kind == SlotKind.HOURLY) {
            boolean hours = fromHour != null && toHour != null && fromHour >= Slot.OPENS && toHour <= Slot.CLOSES
                && fromHour < toHour;
            check.require(hours, "fromHour", "an hourly slot needs fromHour and toHour within " + Slot.OPENS + "–"
                + Slot.CLOSES + ", fromHour before toHour");
        }
        check.orThrow();
        return Slot.of(date, kind, orZero(fromHour), orZero(toHour));
    }

    private Desk bookableDesk(String deskId) {
        new InputCheck().require(deskId != null && !deskId.isBlank(), "deskId", "is required").orThrow();
        Desk desk = catalogue.desk(deskId);
        if (!desk.bookable()) {
            throw rule("deskId", "desk-not-bookable", "desk " + desk.name() + " is out of use", desk.name());
        }
        return desk;
    }

    /** Who the booking is for: staff book only for themselves, admins for anyone in their scope. */
    private String bookerFor(Actor actor, Desk desk, String requested) {
        actor.requireAny(DeskCatalogue.VIEWERS);
        if (requested == null || requested.isBlank() || requested.equals(actor.username())) {
            return actor.username();
        }
        actor.requireAny(Role.FLEET_ADMIN, Role.BRANCH_ADMIN);
        units.requireInScope(actor, desk.ouId());
        new InputCheck().require(requested.length() <= 100, "user", "must be at most 100 characters").orThrow();
        return requested.strip();
    }

    /** A booking the actor may see: their own, or one in an admin's scope; anything else does not exist for them. */
    private Booking visible(Actor actor, String id) {
        actor.requireAny(DeskCatalogue.VIEWERS);
        Booking booking = bookings.find(id).orElseThrow(() -> new NotFoundException("booking", id));
        boolean own = booking.user().equals(actor.username());
        boolean admin = (actor.has(Role.FLEET_ADMIN) || actor.has(Role.BRANCH_ADMIN)) && units.scopeOf(actor).contains(booking.ouId());
        if (!own && !admin) {
            throw new NotFoundException("booking", id);
        }
        return booking;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    private static int orZero(Integer hour) {
        return hour == null ? 0 : hour;
    }

    private static BookingRulesException rule(String path, String reason, String message, Object arg) {
        return new BookingRulesException(List.of(new BrokenRule(path, reason, message, List.of(arg))));
    }
}
