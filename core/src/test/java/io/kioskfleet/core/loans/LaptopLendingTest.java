package io.kioskfleet.core.loans;

import static io.kioskfleet.core.CoreFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kioskfleet.core.CoreFixture;
import io.kioskfleet.core.access.ForbiddenException;
import io.kioskfleet.core.deviceauth.AuthenticatedDevice;
import io.kioskfleet.core.desks.DeskFixture;
import io.kioskfleet.core.devices.DeviceDraft;
import io.kioskfleet.core.devices.DeviceStatus;
import io.kioskfleet.core.enrollment.EnrollmentTokenDraft;
import io.kioskfleet.core.sessions.SessionEvents;
import io.kioskfleet.core.sessions.SessionRepository;
import io.kioskfleet.core.store.ConflictException;
import io.kioskfleet.core.store.IndexBootstrap;
import io.kioskfleet.protocol.enrollment.EnrollmentRequest;
import io.kioskfleet.protocol.sessions.ErasedArea;
import io.kioskfleet.protocol.sessions.RemainingManifest;
import io.kioskfleet.protocol.sessions.SessionEnd;
import io.kioskfleet.protocol.sessions.SessionEndReason;
import io.kioskfleet.protocol.sessions.SessionIds;
import io.kioskfleet.protocol.sessions.SessionStart;
import io.kioskfleet.protocol.sessions.WipeAttestation;
import io.kioskfleet.protocol.signing.AttestationSignature;
import io.kioskfleet.protocol.signing.DeviceKeyPair;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lending shared laptops from a site's pool, with the wipe rule, on the real embedded store. */
class LaptopLendingTest {

    @TempDir
    Path dataDir;
    DeskFixture desks;
    LaptopLending lending;
    SessionEvents sessionEvents;
    AuthenticatedDevice laptop;
    DeviceKeyPair keys;

    @BeforeEach
    void pool() {
        desks = new DeskFixture(dataDir);
        LoanRepository repository = new LoanRepository(desks.fleet.store());
        new IndexBootstrap(desks.fleet.store()).createAll(List.of(repository));
        lending = new LaptopLending(repository, desks.catalogue, desks.fleet.devices(), desks.fleet.sessions().ledger(),
            desks.fleet.units(), desks.fleet.audit(), desks.clock, DeskFixture.TOKYO);
        sessionEvents = new SessionEvents(new SessionRepository(desks.fleet.store()), desks.fleet.policies().effective(),
            desks.fleet.sessions().tallies(), desks.clock, lending);
        keys = DeviceKeyPair.generate();
        laptop = enrolled("SN-POOL-1", keys);
        lending.addToPool(ADMIN, desks.site.id(), laptop.deviceId());
    }

    @AfterEach
    void close() {
        desks.close();
    }

    private AuthenticatedDevice enrolled(String serial, DeviceKeyPair deviceKeys) {
        desks.fleet.devices().preRegister(ADMIN, new DeviceDraft(serial, desks.branchId, null, null, null, null));
        String secret = desks.fleet.protocol().tokens().create(ADMIN, new EnrollmentTokenDraft(desks.branchId, null, 1, null)).secret();
        String id = desks.fleet.protocol().enrollment().enroll(new EnrollmentRequest(secret, serial, deviceKeys.publicKeyText(), "1.0"),
            "10.0.0.1").deviceId();
        return new AuthenticatedDevice(id, desks.branchId, DeviceStatus.ENROLLED);
    }

    /** The borrower used the laptop: a session started and ended; its wipe is attested only when {@code attest}. */
    private String usedBy(String user, boolean attest) {
        Instant start = desks.clock.instant().minus(Duration.ofMinutes(60));
        String id = SessionIds.newId(start);
        sessionEvents.start(laptop, new SessionStart(id, user, null, null, start));
        sessionEvents.end(laptop, id, new SessionEnd(SessionEndReason.USER, start.plus(Duration.ofMinutes(50))));
        if (attest) {
            Instant wipe = start.plus(Duration.ofMinutes(51));
            WipeAttestation attestation = AttestationSignature.sign(keys, new WipeAttestation(id, laptop.deviceId(), wipe,
                wipe.plusSeconds(3), List.of(new ErasedArea("${downloads}", 2, 2048)), List.of(), List.of(),
                RemainingManifest.digestOf(List.of()), true, null));
            desks.fleet.sessions().attestations().receive(laptop, id, attestation, "10.0.0.1");
        }
        return id;
    }

    private CheckoutRequest to(String borrower) {
        return new CheckoutRequest(laptop.deviceId(), borrower, null, null);
    }

    @Test
    void aLaptopGoesOutComesBackAndGoesOutAgainOnceItsWipeIsVerified() {
        Loan loan = lending.checkout(ADMIN, to("hanako"));
        assertThat(lending.mine(DeskFixture.staff("hanako"))).extracting(Loan::id).containsExactly(loan.id());
        assertThat(lending.mine(DeskFixture.staff("taro"))).isEmpty();
        usedBy("hanako", true);

        ReturnReceipt receipt = lending.giveBack(ADMIN, laptop.deviceId());

        assertThat(receipt.readyToLend()).isTrue();
        assertThat(receipt.wipeState()).isEqualTo("VERIFIED");
        assertThat(lending.mine(DeskFixture.staff("hanako"))).isEmpty();
        assertThat(lending.checkout(ADMIN, to("taro")).borrower()).isEqualTo("taro");
    }

    @Test
    void aLaptopWhoseLastSessionIsNotVerifiedCannotGoOutAgainAndTheRefusalNamesTheSession() {
        lending.checkout(ADMIN, to("hanako"));
        String session = usedBy("hanako", false);

        ReturnReceipt receipt = lending.giveBack(ADMIN, laptop.deviceId());

        assertThat(receipt.readyToLend()).isFalse();
        assertThat(receipt.lastSessionId()).isEqualTo(session);
        assertThatThrownBy(() -> lending.checkout(ADMIN, to("taro")))
            .isInstanceOfSatisfying(WipeNotVerifiedException.class, e -> assertThat(e.sessionId()).isEqualTo(session))
            .hasMessageContaining(session).hasMessageContaining("ENDED");
        assertThat(lending.open(ADMIN)).isEmpty();
    }

    @Test
    void returningALaptopThatIsNotOutOrLendingOneTwiceIsRefused() {
        assertThatThrownBy(() -> lending.giveBack(ADMIN, laptop.deviceId()))
            .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reason()).isEqualTo("laptop-not-out"));
        lending.checkout(ADMIN, to("hanako"));
        assertThatThrownBy(() -> lending.checkout(ADMIN, to("taro")))
            .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reason()).isEqualTo("laptop-out"))
            .hasMessageContaining("hanako");
        assertThatThrownBy(() -> lending.removeFromPool(ADMIN, laptop.deviceId())).isInstanceOf(ConflictException.class);
    }

    @Test
    void overdueLoansAreListedLongestOverdueFirst() {
        Loan loan = lending.checkout(ADMIN, new CheckoutRequest(laptop.deviceId(), "hanako", null,
            desks.clock.instant().plus(Duration.ofHours(2))));
        assertThat(lending.overdue(ADMIN)).isEmpty();

        desks.clock.advance(Duration.ofHours(3));

        assertThat(lending.overdue(ADMIN)).extracting(Loan::id).containsExactly(loan.id());
        assertThat(lending.overdue(CoreFixture.branchAdminOf(desks.otherBranch("南部支所")))).isEmpty();
    }

    @Test
    void staffCannotLendAndBranchAdminsLendOnlyAtTheirSites() {
        assertThatThrownBy(() -> lending.checkout(DeskFixture.staff("hanako"), to("hanako"))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> lending.checkout(CoreFixture.branchAdminOf(desks.otherBranch("南部支所")), to("hanako")))
            .hasMessageContaining("no pool laptop");
        assertThat(lending.checkout(CoreFixture.branchAdminOf(desks.branchId), to("hanako")).checkedOutBy()).isEqualTo("branch-admin");
        assertThatThrownBy(() -> lending.checkout(ADMIN, new CheckoutRequest(laptop.deviceId(), null, null,
            desks.clock.instant().minusSeconds(1)))).hasMessageContaining("borrower").hasMessageContaining("more");
    }
}
