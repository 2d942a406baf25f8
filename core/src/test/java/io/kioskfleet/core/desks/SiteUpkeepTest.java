package io.kioskfleet.core.desks;

import static io.kioskfleet.core.CoreFixture.ADMIN;
import static io.kioskfleet.core.desks.DeskFixture.staff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kioskfleet.core.CoreFixture;
import io.kioskfleet.core.access.ForbiddenException;
import io.kioskfleet.core.store.ConflictException;
import io.kioskfleet.core.store.NotFoundException;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Admins rename and remove sites, floors, zones and desks; nothing is removed that people still need. */
class SiteUpkeepTest {

    @TempDir
    Path dataDir;
    DeskFixture desks;
    DeskRemoval removal;

    @BeforeEach
    void open() {
        desks = new DeskFixture(dataDir);
        removal = new DeskRemoval(desks.catalogue, desks.bookingRepository, desks.clock, DeskFixture.TOKYO);
    }

    @AfterEach
    void close() {
        desks.close();
    }

    private static void refusedBecause(ConflictException e, String reason) {
        assertThat(e.reason()).isEqualTo(reason);
    }

    @Test
    void aDeskWithABookingAheadIsNotRemovedButAnUnusedOneIs() {
        Desk booked = desks.desk("3F-A-01");
        Desk unused = desks.desk("3F-A-02");
        Booking booking = desks.bookings.book(staff("hanako"),
            new BookingRequest(booked.id(), desks.tuesday.plusDays(1), SlotKind.MORNING, null, null, null));

        assertThatThrownBy(() -> removal.remove(ADMIN, booked.id()))
            .isInstanceOfSatisfying(ConflictException.class, e -> refusedBecause(e, "desk-has-bookings"))
            .hasMessageContaining("1 bookings from " + desks.tuesday.plusDays(1));
        removal.remove(ADMIN, unused.id());

        assertThat(desks.catalogue.desks(ADMIN, desks.site.id(), null)).extracting(Desk::name).containsExactly("3F-A-01");
        assertThatThrownBy(() -> desks.catalogue.desk(ADMIN, unused.id())).isInstanceOf(NotFoundException.class);
        desks.bookings.cancel(staff("hanako"), booking.id());
        removal.remove(ADMIN, booked.id());
        assertThat(desks.catalogue.desks(ADMIN, desks.site.id(), null)).isEmpty();
    }

    @Test
    void onlyAdminsOfTheSitesUnitRemoveItsDesks() {
        Desk desk = desks.desk("3F-B-01");
        assertThatThrownBy(() -> removal.remove(staff("hanako"), desk.id())).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> removal.remove(CoreFixture.branchAdminOf(desks.otherBranch("南部支所")), desk.id()))
            .isInstanceOf(ForbiddenException.class);

        removal.remove(CoreFixture.branchAdminOf(desks.branchId), desk.id());

        assertThat(desks.catalogue.desks(ADMIN, desks.site.id(), null)).isEmpty();
    }

    @Test
    void floorsAndZonesAreRenamedInPlaceAndRemovedOnlyWhenNoDeskStandsInThem() {
        Site withTwo = desks.catalogue.addFloor(ADMIN, desks.site.id(), "4F");
        withTwo = desks.catalogue.addZone(ADMIN, desks.site.id(), desks.floor.id(), "静かな席");
        String zone = withTwo.floor(desks.floor.id()).orElseThrow().zones().get(0).id();
        Desk inZone = desks.catalogue.createDesk(ADMIN, new DeskDraft(desks.site.id(), desks.floor.id(), zone, "3F-Q-01", Set.of(), null));

        Site renamed = desks.catalogue.renameFloor(ADMIN, desks.site.id(), desks.floor.id(), "3階");
        assertThat(renamed.floors()).extracting(Floor::name).containsExactly("3階", "4F");

        assertThatThrownBy(() -> desks.catalogue.removeZone(ADMIN, desks.site.id(), desks.floor.id(), zone))
            .isInstanceOfSatisfying(ConflictException.class, e -> refusedBecause(e, "zone-has-desks"));
        assertThatThrownBy(() -> desks.catalogue.removeFloor(ADMIN, desks.site.id(), desks.floor.id()))
            .isInstanceOfSatisfying(ConflictException.class, e -> refusedBecause(e, "floor-has-desks"));
        assertThatThrownBy(() -> desks.catalogue.removeSite(ADMIN, desks.site.id()))
            .isInstanceOfSatisfying(ConflictException.class, e -> refusedBecause(e, "site-has-desks"));

        removal.remove(ADMIN, inZone.id());
        desks.catalogue.removeZone(ADMIN, desks.site.id(), desks.floor.id(), zone);
        Site left = desks.catalogue.removeFloor(ADMIN, desks.site.id(), desks.floor.id());
        assertThat(left.floors()).extracting(Floor::name).containsExactly("4F");
        desks.catalogue.removeSite(ADMIN, desks.site.id());
        assertThat(desks.catalogue.sites(ADMIN)).isEmpty();
    }
}
