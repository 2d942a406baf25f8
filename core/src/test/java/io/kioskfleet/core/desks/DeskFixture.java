package io.kioskfleet.core.desks;

import static io.kioskfleet.core.CoreFixture.ADMIN;

import io.kioskfleet.core.CoreFixture;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.access.Role;
import io.kioskfleet.core.ous.OuDraft;
import io.kioskfleet.core.policies.SettableClock;
import io.kioskfleet.core.store.IndexBootstrap;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;

/** The desk services wired on a real embedded store, with a branch office, one site, one floor and a clock set to a Tuesday 07:30 in Tokyo. */
public final class DeskFixture implements AutoCloseable {

    public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    public final SettableClock clock = new SettableClock();
    public final CoreFixture fleet;
    public final SiteRepository siteRepository;
    public final BookingRepository bookingRepository;
    public final DeskClaims claims;
    public final DeskCatalogue catalogue;
    public final DeskBookings bookings;
    public final ReleasingNoShows noShows;
    public final DeskOccupancy occupancy;
    public final String headquartersId;
    public final String branchId;
    public final Site site;
    public final Floor floor;
    public final LocalDate tuesday;

    public DeskFixture(Path dataDir) {
        ZonedDateTime start = ZonedDateTime.now(TOKYO).plusDays(1).with(TemporalAdjusters.next(DayOfWeek.TUESDAY))
            .withHour(7).withMinute(30).withSecond(0).withNano(0);
        clock.advance(Duration.between(clock.instant(), start.toInstant()));
        tuesday = start.toLocalDate();
        fleet = CoreFixture.open(dataDir, clock);
        siteRepository = new SiteRepository(fleet.store());
        DeskRepository deskRepository = new DeskRepository(fleet.store(), clock);
        new IndexBootstrap(fleet.store()).createAll(List.of(siteRepository, deskRepository));
        bookingRepository = new BookingRepository(fleet.store());
        claims = new DeskClaims(fleet.store(), clock);
        catalogue = new DeskCatalogue(siteRepository, deskRepository, fleet.units(), fleet.audit(), clock);
        bookings = new DeskBookings(catalogue, bookingRepository, claims, fleet.units(), clock, TOKYO);
        noShows = new ReleasingNoShows(siteRepository, bookingRepository, claims, TOKYO);
        occupancy = new DeskOccupancy(catalogue, bookingRepository, fleet.units());
        headquartersId = fleet.units().create(ADMIN, new OuDraft("本庁舎", null, null, 0)).id();
        branchId = otherBranch("北部支所");
        Site created = catalogue.createSite(ADMIN, new SiteDraft(branchId, "北部支所庁舎", null));
        site = catalogue.addFloor(ADMIN, created.id(), "3F");
        floor = site.floors().get(0);
    }

    /** A bookable desk on the fixture's floor. */
    public Desk desk(String name, DeskAttribute... attributes) {
        return catalogue.createDesk(ADMIN, new DeskDraft(site.id(), floor.id(), null, name, Set.of(attributes), null));
    }

    /** A new branch office under headquarters. */
    public String otherBranch(String name) {
        return fleet.units().create(ADMIN, new OuDraft(name, headquartersId, "北区1-2-3", 30)).id();
    }

    /** A member of staff. */
    public static Actor staff(String username) {
        return new Actor(username, Set.of(Role.STAFF), Set.of(), "10.0.0.9");
    }

    /** Moves the clock to {@code hour}:{@code minute} of the fixture's Tuesday (forward only). */
    public void at(int hour, int minute) {
        clock.advance(Duration.between(clock.instant(), tuesday.atTime(hour, minute).atZone(TOKYO).toInstant()));
    }

    @Override
    public void close() {
        fleet.close();
    }
}
