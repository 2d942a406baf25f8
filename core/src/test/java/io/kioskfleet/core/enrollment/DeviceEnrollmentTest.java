package io.kioskfleet.core.enrollment;

import static io.kioskfleet.core.CoreFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kioskfleet.core.CoreFixture;
import io.kioskfleet.core.access.ForbiddenException;
import io.kioskfleet.core.audit.AuditEvent;
import io.kioskfleet.core.devices.Device;
import io.kioskfleet.core.devices.DeviceDraft;
import io.kioskfleet.core.devices.DeviceStatus;
import io.kioskfleet.core.devices.EnrollmentRefusedException;
import io.kioskfleet.core.input.InvalidInputException;
import io.kioskfleet.core.ous.OrganisationUnit;
import io.kioskfleet.core.ous.OuDraft;
import io.kioskfleet.core.policies.SettableClock;
import io.kioskfleet.protocol.canonical.Sha256;
import io.kioskfleet.protocol.enrollment.EnrollmentAnswer;
import io.kioskfleet.protocol.enrollment.EnrollmentRequest;
import io.kioskfleet.protocol.signing.DeviceKeyPair;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceEnrollmentTest {

    @TempDir
    Path dataDir;
    final SettableClock clock = new SettableClock();
    CoreFixture fleet;
    EnrollmentTokens tokens;
    DeviceEnrollment enrollment;
    OrganisationUnit hq;
    OrganisationUnit north;
    OrganisationUnit south;

    @BeforeEach
    void open() {
        fleet = CoreFixture.open(dataDir, clock);
        tokens = fleet.protocol().tokens();
        enrollment = fleet.protocol().enrollment();
        hq = fleet.units().create(ADMIN, new OuDraft("本庁舎", null, null, 0));
        north = fleet.units().create(ADMIN, new OuDraft("北部支所", hq.id(), "北区1", 90));
        south = fleet.units().create(ADMIN, new OuDraft("南部支所", hq.id(), "南区2", 30));
    }

    @AfterEach
    void close() {
        fleet.close();
    }

    private Device register(String serial, String ouId) {
        return fleet.devices().preRegister(ADMIN, new DeviceDraft(serial, ouId, "ThinBook", null, List.of(), null));
    }

    private IssuedEnrollmentToken token(String ouId, int uses) {
        return tokens.create(ADMIN, new EnrollmentTokenDraft(ouId, null, uses, "spring roll-out"));
    }

    private static EnrollmentRequest request(String secret, String serial) {
        return new EnrollmentRequest(secret, serial, DeviceKeyPair.generate().publicKeyText(), "1.0");
    }

    private EnrollmentAnswer enroll(String secret, String serial) {
        return enrollment.enroll(request(secret, serial), "10.1.2.3");
    }

    private String refusal(String secret, String serial) {
        try {
            enroll(secret, serial);
        } catch (EnrollmentRefusedException refused) {
            return refused.reason();
        }
        throw new AssertionError("the enrollment was not refused");
    }

    @Test
    void aPreRegisteredLaptopEnrollsWithItsBranchTokenAndGetsItsId() {
        Device laptop = register("SN-1", north.id());
        IssuedEnrollmentToken token = token(north.id(), 1);
        EnrollmentRequest request = request(token.secret(), "sn-1");

        EnrollmentAnswer answer = enrollment.enroll(request, "10.1.2.3");

        assertThat(answer.deviceId()).isEqualTo(laptop.id());
        assertThat(answer.ouId()).isEqualTo(north.id());
        Device enrolled = fleet.devices().get(ADMIN, laptop.id());
        assertThat(enrolled.status()).isEqualTo(DeviceStatus.ENROLLED);
        assertThat(enrolled.publicKey()).isEqualTo(request.publicKey());
        assertThat(enrolled.enrolledWith()).isEqualTo(token.token().id());
        assertThat(tokens.get(ADMIN, token.token().id()).uses()).isEqualTo(1);
        assertThat(tokens.get(ADMIN, token.token().id()).state()).isEqualTo(TokenState.USED_UP);
    }

    @Test
    void theSecretIsShownOnceAndStoredOnlyAsItsHash() {
        IssuedEnrollmentToken token = token(north.id(), 5);
        assertThat(token.token().id()).startsWith("ent_");
        assertThat(token.secret()).startsWith("kfet_").hasSizeGreaterThan(40);
        Document stored = fleet.store().collection("enrollment_tokens", Document.class).find().first();
        assertThat(stored.toJson()).doesNotContain(token.secret()).contains(Sha256.hex(token.secret()));
        assertThat(tokens.list(ADMIN)).singleElement().satisfies(view -> assertThat(view.toString()).doesNotContain(token.secret()));
    }

    @Test
    void eachEnrollmentAndTokenChangeIsInTheAuditChain() {
        Device laptop = register("SN-2", north.id());
        IssuedEnrollmentToken token = token(north.id(), 2);
        enroll(token.secret(), "SN-2");
        tokens.revoke(ADMIN, token.token().id(), null);

        assertThat(fleet.audit().forTarget(ADMIN, laptop.id())).extracting(AuditEvent::action)
            .containsExactly("device.preregister", "device.enroll");
        AuditEvent enrolled = fleet.audit().forTarget(ADMIN, laptop.id()).get(1);
        assertThat(enrolled.actor()).isEqualTo("enrollment-token " + token.token().id());
        assertThat(enrolled.sourceAddress()).isEqualTo("10.1.2.3");
        assertThat(fleet.audit().forTarget(ADMIN, token.token().id())).extracting(AuditEvent::action)
            .containsExactly("enrollment-token.create", "enrollment-token.revoke");
        assertThat(fleet.audit().verify(ADMIN).intact()).isTrue();
    }

    @Test
    void aSerialNobodyPreRegisteredIsRefused() {
        assertThat(refusal(token(north.id(), 1).secret(), "SN-NEVER-SEEN")).isEqualTo("serial-unknown");
    }

    @Test
    void anUnknownTokenIsRefusedBeforeTheSerialIsLookedAt() {
        register("SN-3", north.id());
        assertThat(refusal("kfet_made-up", "SN-3")).isEqualTo("token-unknown");
        assertThat(refusal("kfet_made-up", "SN-NEVER-SEEN")).isEqualTo("token-unknown");
    }

    @Test
    void aSingleUseTokenEnrollsOneLaptopOnly() {
        register("SN-4", north.id());
        register("SN-5", north.id());
        IssuedEnrollmentToken token = token(north.id(), 1);
        enroll(token.secret(), "SN-4");
        assertThat(refusal(token.secret(), "SN-5")).isEqualTo("token-used-up");
    }

    @Test
    void anExpiredTokenIsRefused() {
        register("SN-6", north.id());
        IssuedEnrollmentToken token = tokens.create(ADMIN,
            new EnrollmentTokenDraft(north.id(), clock.instant().plus(Duration.ofHours(1)), 10, null));
        clock.advance(Duration.ofHours(2));
        assertThat(refusal(token.secret(), "SN-6")).isEqualTo("token-expired");
        assertThat(tokens.get(ADMIN, token.token().id()).state()).isEqualTo(TokenState.EXPIRED);
    }

    @Test
    void aRevokedTokenIsRefusedAndRevokingAgainChangesNothing() {
        register("SN-7", north.id());
        IssuedEnrollmentToken token = token(north.id(), 10);
        EnrollmentTokenView revoked = tokens.revoke(ADMIN, token.token().id(), 1L);
        assertThat(revoked.state()).isEqualTo(TokenState.REVOKED);
        assertThat(tokens.revoke(ADMIN, token.token().id(), null).version()).isEqualTo(revoked.version());
        assertThat(refusal(token.secret(), "SN-7")).isEqualTo("token-revoked");
    }

    @Test
    void aBranchTokenDoesNotEnrollAnotherBranchesLaptopButAHeadquartersTokenEnrollsAny() {
        register("SN-8", south.id());
        assertThat(refusal(token(north.id(), 5).secret(), "SN-8")).isEqualTo("token-wrong-ou");
        assertThat(enroll(token(hq.id(), 5).secret(), "SN-8").ouId()).isEqualTo(south.id());
    }

    @Test
    void aReImagedLaptopEnrollsAgainOnlyAfterAnAdminAllowedIt() {
        Device laptop = register("SN-9", north.id());
        IssuedEnrollmentToken token = token(north.id(), 5);
        enroll(token.secret(), "SN-9");
        assertThat(refusal(token.secret(), "SN-9")).isEqualTo("already-enrolled");

        Device allowed = fleet.devices().allowReenrollment(ADMIN, laptop.id(), null);
        assertThat(allowed.reenrollmentAllowedAt()).isNotNull();
        EnrollmentRequest again = request(token.secret(), "SN-9");
        enrollment.enroll(again, "10.1.2.4");

        Device reenrolled = fleet.devices().get(ADMIN, laptop.id());
        assertThat(reenrolled.publicKey()).isEqualTo(again.publicKey());
        assertThat(reenrolled.reenrollmentAllowedAt()).isNull();
        assertThat(refusal(token.secret(), "SN-9")).isEqualTo("already-enrolled");
        assertThat(tokens.get(ADMIN, token.token().id()).uses()).isEqualTo(2);
    }

    @Test
    void aRetiredLaptopNeverEnrolls() {
        Device laptop = register("SN-10", north.id());
        fleet.devices().retire(ADMIN, laptop.id(), "broken", null);
        assertThat(refusal(token(north.id(), 1).secret(), "SN-10")).isEqualTo("device-retired");
        assertThatThrownBy(() -> fleet.devices().allowReenrollment(ADMIN, laptop.id(), null))
            .hasMessageContaining("RETIRED");
    }

    @Test
    void aRefusedEnrollmentLeavesTheTokensUsesAlone() {
        register("SN-11", south.id());
        IssuedEnrollmentToken token = token(north.id(), 1);
        refusal(token.secret(), "SN-11");
        assertThat(tokens.get(ADMIN, token.token().id()).uses()).isZero();
    }

    @Test
    void malformedRequestsListEveryProblem() {
        assertThatThrownBy(() -> enrollment.enroll(new EnrollmentRequest(" ", null, "not-a-key", null), "x"))
            .isInstanceOfSatisfying(InvalidInputException.class, invalid -> assertThat(invalid.errors())
                .extracting(error -> error.path()).containsExactly("token", "serial", "publicKey"));
    }

    @Test
    void concurrentEnrollmentsNeverTakeMoreUsesThanTheTokenHas() throws Exception {
        IssuedEnrollmentToken token = token(north.id(), 3);
        List<String> serials = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            serials.add("SN-RACE-" + i);
            register(serials.get(i), north.id());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> outcomes = new ArrayList<>();
        for (String serial : serials) {
            outcomes.add(pool.submit(() -> {
                try {
                    enroll(token.secret(), serial);
                    return "enrolled";
                } catch (EnrollmentRefusedException refused) {
                    return refused.reason();
                }
            }));
        }
        List<String> results = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
            results.add(outcome.get());
        }
        pool.shutdown();
        assertThat(results).filteredOn("enrolled"::equals).hasSize(3);
        assertThat(results).filteredOn("token-used-up"::equals).hasSize(5);
        assertThat(tokens.get(ADMIN, token.token().id()).uses()).isEqualTo(3);
    }

    @Test
    void aBranchAdminIssuesTokensOnlyForTheirOwnBranch() {
        var branchAdmin = CoreFixture.branchAdminOf(north.id());
        assertThat(tokens.create(branchAdmin, new EnrollmentTokenDraft(north.id(), null, null, null)).token().ouId())
            .isEqualTo(north.id());
        assertThatThrownBy(() -> tokens.create(branchAdmin, new EnrollmentTokenDraft(south.id(), null, null, null)))
            .isInstanceOf(ForbiddenException.class);
        assertThat(tokens.list(branchAdmin)).extracting(EnrollmentTokenView::ouId).containsOnly(north.id());
    }

    @Test
    void tokenDraftsAreChecked() {
        assertThatThrownBy(() -> tokens.create(ADMIN, new EnrollmentTokenDraft(null, clock.instant().minusSeconds(1), 0,
            "x".repeat(501)))).isInstanceOfSatisfying(InvalidInputException.class, invalid -> assertThat(invalid.errors())
            .extracting(error -> error.path()).containsExactly("ouId", "expiresAt", "maxUses", "note"));
    }
}
