package io.kioskfleet.core.ous;

import static io.kioskfleet.core.CoreFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kioskfleet.core.CoreFixture;
import io.kioskfleet.core.access.ForbiddenException;
import io.kioskfleet.core.devices.DeviceDraft;
import io.kioskfleet.core.input.InvalidInputException;
import io.kioskfleet.core.store.ConflictException;
import io.kioskfleet.core.store.VersionConflictException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrganisationUnitsTest {

    @TempDir
    Path dataDir;
    CoreFixture fleet;
    OrganisationUnits units;
    OrganisationUnit hq;

    @BeforeEach
    void open() {
        fleet = CoreFixture.open(dataDir);
        units = fleet.units();
        hq = units.create(ADMIN, new OuDraft("本庁舎", null, "中央区1-1", 0));
    }

    @AfterEach
    void close() {
        fleet.close();
    }

    private OrganisationUnit branch(String name, String parentId, int minutes) {
        return units.create(ADMIN, new OuDraft(name, parentId, name + " 住所", minutes));
    }

    @Test
    void theTreeStartsAtHeadquartersWithBranchesBelowByName() {
        OrganisationUnit south = branch("南部支所", hq.id(), 25);
        OrganisationUnit north = branch("北部支所", hq.id(), 120);
        OrganisationUnit annex = branch("北部分室", north.id(), 130);

        List<OuNode> tree = units.tree();
        assertThat(tree).hasSize(1);
        assertThat(tree.get(0).unit().kind()).isEqualTo(OuKind.HEADQUARTERS);
        assertThat(tree.get(0).children()).extracting(node -> node.unit().name()).containsExactly("北部支所", "南部支所");
        assertThat(units.all()).extracting(OrganisationUnit::id).containsExactly(hq.id(), north.id(), annex.id(), south.id());
        assertThat(north.travelMinutes()).isEqualTo(120);
        assertThat(units.subtreeOf(north.id())).containsExactlyInAnyOrder(north.id(), annex.id());
    }

    @Test
    void thereIsOnlyOneHeadquarters() {
        assertThatThrownBy(() -> units.create(ADMIN, new OuDraft("第二本庁舎", null, null, 0)))
            .isInstanceOf(ConflictException.class)
            .hasMessageContaining("already a headquarters");
    }

    @Test
    void siblingsCannotShareAName() {
        branch("北部支所", hq.id(), 30);
        assertThatThrownBy(() -> branch("北部支所", hq.id(), 40))
            .isInstanceOf(ConflictException.class)
            .extracting(e -> ((ConflictException) e).reason()).isEqualTo("duplicate-ou-name");
    }

    @Test
    void aBranchNeedsItsAddressAndASensibleTravelTimeAndAllProblemsAreListed() {
        assertThatThrownBy(() -> units.create(ADMIN, new OuDraft(" ", hq.id(), null, -5)))
            .isInstanceOf(InvalidInputException.class)
            .satisfies(e -> assertThat(((InvalidInputException) e).errors())
                .extracting(error -> error.path()).containsExactly("name", "address", "travelMinutes"));
    }

    @Test
    void aUnitCannotMoveBelowItself() {
        OrganisationUnit north = branch("北部支所", hq.id(), 30);
        OrganisationUnit annex = branch("北部分室", north.id(), 40);
        assertThatThrownBy(() -> units.change(ADMIN, north.id(), new OuDraft("北部支所", annex.id(), "x", 30), north.version()))
            .isInstanceOf(InvalidInputException.class)
            .hasMessageContaining("below itself");
    }

    @Test
    void aChangeBasedOnAStaleVersionIsRefused() {
        OrganisationUnit north = branch("北部支所", hq.id(), 30);
        OrganisationUnit renamed = units.change(ADMIN, north.id(), new OuDraft("北支所", hq.id(), "新住所", 35), 1L);
        assertThat(renamed.version()).isEqualTo(2);
        assertThatThrownBy(() -> units.change(ADMIN, north.id(), new OuDraft("北部", hq.id(), "x", 30), 1L))
            .isInstanceOf(VersionConflictException.class)
            .hasMessageContaining("version 2");
        assertThat(units.get(north.id()).name()).isEqualTo("北支所");
    }

    @Test
    void aUnitWithDevicesOrSubUnitsIsNotRemoved() {
        OrganisationUnit north = branch("北部支所", hq.id(), 30);
        fleet.devices().preRegister(ADMIN, new DeviceDraft("SN-0001", north.id(), null, null, List.of(), null));
        assertThatThrownBy(() -> units.remove(ADMIN, north.id(), 1))
            .isInstanceOf(ConflictException.class).hasMessageContaining("devices");
        assertThatThrownBy(() -> units.remove(ADMIN, hq.id(), 1))
            .isInstanceOf(ConflictException.class).hasMessageContaining("sub-units");

        OrganisationUnit empty = branch("空き支所", hq.id(), 10);
        units.remove(ADMIN, empty.id(), 1);
        assertThat(units.find(empty.id())).isEmpty();
    }

    @Test
    void onlyFleetAdminsShapeTheTree() {
        assertThatThrownBy(() -> units.create(CoreFixture.branchAdminOf(hq.id()), new OuDraft("x", hq.id(), "y", 1)))
            .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void everyChangeIsInTheAuditChain() {
        OrganisationUnit north = branch("北部支所", hq.id(), 30);
        units.change(ADMIN, north.id(), new OuDraft("北支所", hq.id(), "新住所", 35), 1L);
        var events = fleet.audit().newestFirst(ADMIN, new io.kioskfleet.core.store.PageRequest(0, 10)).items();
        assertThat(events).extracting(e -> e.action()).containsExactly("ou.change", "ou.create", "ou.create");
        assertThat(events.get(0).before()).contains("北部支所");
        assertThat(events.get(0).after()).contains("北支所", "\"version\":2");
    }

    @Test
    void namesDifferingOnlyInCharacterWidthAreTheSameName() {
        branch("ＡＢＣ支所", hq.id(), 30);
        assertThatThrownBy(() -> branch("abc支所", hq.id(), 40))
            .isInstanceOf(ConflictException.class);
    }

    @Test
    void aMoveBelowAUnitThatWasJustMovedBelowItIsRefused() {
        OrganisationUnit a = branch("A", hq.id(), 10);
        OrganisationUnit b = branch("B", hq.id(), 10);
        units.change(ADMIN, a.id(), new OuDraft("A", b.id(), "x", 10), 1L);
        assertThatThrownBy(() -> units.change(ADMIN, b.id(), new OuDraft("B", a.id(), "x", 10), 1L))
            .isInstanceOf(InvalidInputException.class);
        assertThat(units.all()).hasSize(3);
    }

    @Test
    void concurrentOppositeMovesNeverLeaveALoop() throws Exception {
        OrganisationUnit a = branch("A", hq.id(), 10);
        OrganisationUnit b = branch("B", hq.id(), 10);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.List<java.util.concurrent.Future<?>> moves = new java.util.ArrayList<>();
        for (String[] pair : new String[][] {{a.id(), b.id(), "A"}, {b.id(), a.id(), "B"}}) {
            moves.add(pool.submit(() -> {
                for (int i = 0; i < 30; i++) {
                    OrganisationUnit current = units.get(pair[0]);
                    String parent = current.parentId().equals(hq.id()) ? pair[1] : hq.id();
                    try {
                        units.change(ADMIN, pair[0], new OuDraft(pair[2], parent, "x", 10), current.version());
                    } catch (RuntimeException refused) {
                        // below itself, stale version or concurrent loop: all fine, the tree must hold
                    }
                }
            }));
        }
        for (java.util.concurrent.Future<?> move : moves) {
            move.get();
        }
        pool.shutdown();
        assertThat(units.all()).as("every unit reachable from headquarters").hasSize(3);
    }

    @Test
    void aChangeWithoutAVersionIsRefused() {
        OrganisationUnit north = branch("北部支所", hq.id(), 30);
        assertThatThrownBy(() -> units.change(ADMIN, north.id(), new OuDraft("x", hq.id(), "y", 1), null))
            .isInstanceOf(InvalidInputException.class).hasMessageContaining("version");
    }
}
