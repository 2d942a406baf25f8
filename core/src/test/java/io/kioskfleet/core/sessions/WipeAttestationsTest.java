package io.kioskfleet.core.sessions;

import static io.kioskfleet.core.CoreFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kioskfleet.core.CoreFixture;
import io.kioskfleet.core.deviceauth.AuthenticatedDevice;
import io.kioskfleet.core.devices.DeviceDraft;
import io.kioskfleet.core.devices.DeviceStatus;
import io.kioskfleet.core.enrollment.EnrollmentTokenDraft;
import io.kioskfleet.core.ous.OrganisationUnit;
import io.kioskfleet.core.ous.OuDraft;
import io.kioskfleet.core.policies.Policy;
import io.kioskfleet.core.policies.PolicyTexts;
import io.kioskfleet.core.policies.SettableClock;
import io.kioskfleet.core.store.ConflictException;
import io.kioskfleet.core.store.NotFoundException;
import io.kioskfleet.core.store.PageRequest;
import io.kioskfleet.protocol.enrollment.EnrollmentRequest;
import io.kioskfleet.protocol.sessions.ErasedArea;
import io.kioskfleet.protocol.sessions.RemainingFile;
import io.kioskfleet.protocol.sessions.RemainingManifest;
import io.kioskfleet.protocol.sessions.SessionEnd;
import io.kioskfleet.protocol.sessions.SessionEndReason;
import io.kioskfleet.protocol.sessions.SessionIds;
import io.kioskfleet.protocol.sessions.SessionStart;
import io.kioskfleet.protocol.sessions.SessionState;
import io.kioskfleet.protocol.sessions.WipeAttestation;
import io.kioskfleet.protocol.signing.AttestationSignature;
import io.kioskfleet.protocol.signing.DeviceKeyPair;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sessions and wipe attestations on the real embedded store. */
class WipeAttestationsTest {

    @TempDir
    Path dataDir;
    final SettableClock clock = new SettableClock();
    CoreFixture fleet;
    OrganisationUnit branch;
    int serials;

    @BeforeEach
    void branchOffice() {
        fleet = CoreFixture.open(dataDir, clock);
        branch = fleet.units().create(ADMIN, new OuDraft("北部支所", null, null, 0));
    }

    @AfterEach
    void close() {
        fleet.close();
    }

    /** An enrolled laptop: its identity as the server sees it, and its keys. */
    private record Laptop(AuthenticatedDevice device, DeviceKeyPair keys) {
    }

    private Laptop enrolledLaptop() {
        String serial = "SN-S" + (++serials);
        fleet.devices().preRegister(ADMIN, new DeviceDraft(serial, branch.id(), null, null, null, null));
        String secret = fleet.protocol().tokens().create(ADMIN, new EnrollmentTokenDraft(branch.id(), null, 1, null)).secret();
        DeviceKeyPair keys = DeviceKeyPair.generate();
        String id = fleet.protocol().enrollment().enroll(new EnrollmentRequest(secret, serial, keys.publicKeyText(), "1.0"),
            "10.0.0.1").deviceId();
        return new Laptop(new AuthenticatedDevice(id, branch.id(), DeviceStatus.ENROLLED), keys);
    }

    private String endedSession(Laptop laptop) {
        return endedSession(laptop, null);
    }

    /** A session of {@code laptop} that started an hour ago enforcing the policy {@code heldEtag} names. */
    private String endedSession(Laptop laptop, String heldEtag) {
        Instant start = clock.instant().minus(Duration.ofMinutes(60));
        String id = SessionIds.newId(start);
        fleet.sessions().events().start(laptop.device(), new SessionStart(id, null, "3F-A-12", heldEtag, start));
        fleet.sessions().events().end(laptop.device(), id, new SessionEnd(SessionEndReason.TIMEOUT, start.plus(Duration.ofMinutes(50))));
        return id;
    }

    private WipeAttestation signed(Laptop laptop, String sessionId, List<String> preserved) {
        Instant wipe = clock.instant().minus(Duration.ofMinutes(9));
        return AttestationSignature.sign(laptop.keys(), new WipeAttestation(sessionId, laptop.device().deviceId(), wipe,
            wipe.plusSeconds(3), List.of(new ErasedArea("${downloads}", 4, 4096)), preserved, List.of(),
            RemainingManifest.digestOf(List.of()), true, null));
    }

    /** An honest attestation of a wipe whose re-scan found a file left behind. */
    private WipeAttestation failedWipe(Laptop laptop, String sessionId) {
        WipeAttestation honest = signed(laptop, sessionId, List.of());
        List<RemainingFile> leftover = List.of(new RemainingFile("${downloads}/locked.pdf", 10, "ab"));
        return AttestationSignature.sign(laptop.keys(), new WipeAttestation(sessionId, laptop.device().deviceId(),
            honest.wipeStartedAt(), honest.wipeFinishedAt(), honest.erased(), List.of(), leftover,
            RemainingManifest.digestOf(leftover), false, null));
    }

    private String refusalOf(Runnable attempt) {
        try {
            attempt.run();
        } catch (AttestationRefusedException refused) {
            return refused.reason();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void aSignedAttestationAfterTheSessionEndedMarksItVerifiedAndRepeatingItChangesNothing() {
        Laptop laptop = enrolledLaptop();
        String id = endedSession(laptop);
        WipeAttestation attestation = signed(laptop, id, List.of());
        assertThat(fleet.sessions().attestations().receive(laptop.device(), id, attestation, "10.0.0.1").state())
            .isEqualTo(SessionState.VERIFIED);
        assertThat(fleet.sessions().attestations().receive(laptop.device(), id, attestation, "10.0.0.1").state())
            .isEqualTo(SessionState.VERIFIED);

        SessionEvidence evidence = fleet.sessions().ledger().get(ADMIN, id);
        assertThat(evidence.session().endReason()).isEqualTo(SessionEndReason.TIMEOUT);
        assertThat(evidence.attestation().signatureVerified()).isTrue();
        assertThat(evidence.attestation().erasedFiles()).isEqualTo(4);
        assertThat(fleet.sessions().ledger().ofDevice(ADMIN, laptop.device().deviceId(), new PageRequest(0, 10)).total())
            .isEqualTo(1);
    }

    @Test
    void forgedReplayedForeignAndWiderThanPolicyAttestationsAreRefusedAndKept() {
        Laptop laptop = enrolledLaptop();
        Laptop other = enrolledLaptop();
        String id = endedSession(laptop);
        WipeAttestation genuine = signed(laptop, id, List.of());
        WipeAttestation forged = AttestationSignature.sign(other.keys(), genuine);
        var attestations = fleet.sessions().attestations();

        assertThat(refusalOf(() -> attestations.receive(laptop.device(), id, forged, "x"))).isEqualTo("bad-signature");
        assertThat(refusalOf(() -> attestations.receive(laptop.device(), id, signed(laptop, id, List.of("${temp}/keep/**")),
            "x"))).isEqualTo("preserve-wider-than-policy");
        assertThat(refusalOf(() -> attestations.receive(other.device(), id, signed(other, id, List.of()), "x")))
            .isEqualTo("foreign-session");
        attestations.receive(laptop.device(), id, genuine, "x");
        clock.advance(Duration.ofSeconds(1));
        assertThat(refusalOf(() -> attestations.receive(laptop.device(), id, signed(laptop, id, List.of()), "x")))
            .isEqualTo("already-attested");

        assertThat(fleet.sessions().ledger().refused(ADMIN, null, null, null, new PageRequest(0, 10)).items())
            .extracting(RefusedAttestation::reason)
            .containsExactlyInAnyOrder("already-attested", "foreign-session", "preserve-wider-than-policy", "bad-signature");
    }

    @Test
    void aManifestThatDoesNotAddUpOrKeepsWhatNoPatternNamesIsRefusedAndARunningSessionCannotBeAttested() {
        Laptop laptop = enrolledLaptop();
        String id = endedSession(laptop);
        WipeAttestation honest = signed(laptop, id, List.of());
        List<RemainingFile> leftover = List.of(new RemainingFile("${downloads}/report.pdf", 10, "ab"));
        var attestations = fleet.sessions().attestations();
        assertThat(refusalOf(() -> attestations.receive(laptop.device(), id, AttestationSignature.sign(laptop.keys(),
            new WipeAttestation(id, laptop.device().deviceId(), honest.wipeStartedAt(), honest.wipeFinishedAt(),
                honest.erased(), List.of(), leftover, honest.remainingDigest(), true, null)), "x")))
            .isEqualTo("manifest-mismatch");
        assertThat(refusalOf(() -> attestations.receive(laptop.device(), id, AttestationSignature.sign(laptop.keys(),
            new WipeAttestation(id, laptop.device().deviceId(), honest.wipeStartedAt(), honest.wipeFinishedAt(),
                honest.erased(), List.of(), leftover, RemainingManifest.digestOf(leftover), true, null)), "x")))
            .isEqualTo("remaining-not-preserved");

        Instant start = clock.instant().minus(Duration.ofMinutes(5));
        String running = SessionIds.newId(start);
        fleet.sessions().events().start(laptop.device(), new SessionStart(running, null, null, null, start));
        assertThat(refusalOf(() -> attestations.receive(laptop.device(), running, signed(laptop, running, List.of()), "x")))
            .isEqualTo("session-not-ended");
    }

    @Test
    void anAttestationWhoseReScanFoundLeftoversMarksTheSessionWipeFailed() {
        Laptop laptop = enrolledLaptop();
        String id = endedSession(laptop);
        assertThat(fleet.sessions().attestations().receive(laptop.device(), id, failedWipe(laptop, id), "x").state())
            .isEqualTo(SessionState.WIPE_FAILED);
        AttestationEvidence evidence = fleet.sessions().ledger().get(ADMIN, id).attestation();
        assertThat(evidence.clean()).isFalse();
        assertThat(evidence.remaining()).extracting(RemainingFile::path).containsExactly("${downloads}/locked.pdf");
    }

    @Test
    void aSessionStartIsIdempotentButItsIdNamesOneSessionAndAnotherDevicesSessionCannotBeEnded() {
        Laptop laptop = enrolledLaptop();
        Laptop other = enrolledLaptop();
        Instant start = clock.instant();
        String id = SessionIds.newId(start);
        SessionStart report = new SessionStart(id, "yamada", "3F-A-12", null, start);
        fleet.sessions().events().start(laptop.device(), report);
        assertThat(fleet.sessions().events().start(laptop.device(), report).state()).isEqualTo(SessionState.STARTED);
        assertThatThrownBy(() -> fleet.sessions().events().start(laptop.device(),
            new SessionStart(id, null, "3F-A-12", null, start))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> fleet.sessions().events().end(other.device(), id,
            new SessionEnd(SessionEndReason.USER, start))).isInstanceOf(NotFoundException.class);
    }

    /** Publishes a policy with {@code settings} and makes it the branch's; returns the ETag its laptops now get. */
    private String branchPolicy(Laptop laptop, String name, String settings) {
        Policy policy = fleet.policies().library().create(ADMIN, name, PolicyTexts.policy(name, settings));
        fleet.policies().library().publish(ADMIN, policy.id(), null);
        fleet.policies().attachments().attach(ADMIN, branch.id(), policy.id(), null);
        return fleet.policies().effective().payloadForDevice(laptop.device().deviceId(), branch.id()).etag();
    }

    @Test
    void theWipeIsCheckedAgainstThePolicyTheLaptopHeldWhenTheSessionStartedNotOneChangedSince() {
        String certificates = "${sessionProfile}/Certs/**";
        Laptop laptop = enrolledLaptop();
        String keepingCertificates = branchPolicy(laptop, "keep-certs", "wipe:\n  preserve:\n    - \"" + certificates + "\"");
        String startedKeeping = endedSession(laptop, keepingCertificates);
        String keepingNothing = branchPolicy(laptop, "keep-nothing", "wipe:\n  preserve: []");
        String startedKeepingNothing = endedSession(laptop, keepingNothing);
        String reportingAnUnknownPolicy = endedSession(laptop, "f".repeat(64));
        var attestations = fleet.sessions().attestations();

        assertThat(attestations.receive(laptop.device(), startedKeeping, signed(laptop, startedKeeping, List.of(certificates)),
            "x").state()).as("the policy changed during the session").isEqualTo(SessionState.VERIFIED);
        branchPolicy(laptop, "keep-certs-again", "wipe:\n  preserve:\n    - \"" + certificates + "\"");
        assertThat(refusalOf(() -> attestations.receive(laptop.device(), startedKeepingNothing,
            signed(laptop, startedKeepingNothing, List.of(certificates)), "x")))
            .as("a policy widened later does not widen the session").isEqualTo("preserve-wider-than-policy");
        assertThat(attestations.receive(laptop.device(), reportingAnUnknownPolicy,
            signed(laptop, reportingAnUnknownPolicy, List.of(certificates)), "x").state())
            .as("an unknown policy: the one in force now decides").isEqualTo(SessionState.VERIFIED);
    }

    @Test
    void theDashboardCountersFollowSessionsAcrossMidnightAndCountRepeatedReportsOnce() {
        clock.set(Instant.parse("2026-11-23T14:30:00Z")); // 23:30 in Tokyo
        Laptop early = enrolledLaptop();
        Laptop late = enrolledLaptop();
        Instant eleven = Instant.parse("2026-11-23T14:00:00Z");
        String overMidnight = SessionIds.newId(eleven);
        SessionStart lateStart = new SessionStart(overMidnight, null, null, null, eleven);
        fleet.sessions().events().start(late.device(), lateStart);
        String id = endedSession(early); // 22:30 to 23:20
        SessionEnd end = new SessionEnd(SessionEndReason.TIMEOUT, clock.instant().minus(Duration.ofMinutes(10)));
        WipeAttestation proof = signed(early, id, List.of());
        fleet.sessions().attestations().receive(early.device(), id, proof, "x");

        // the agent's journal sends everything again: nothing is counted twice
        fleet.sessions().events().start(late.device(), lateStart);
        fleet.sessions().events().end(early.device(), id, end);
        fleet.sessions().attestations().receive(early.device(), id, proof, "x");
        assertThat(fleet.sessions().tallies().today()).containsEntry(branch.id(), new UnitSessions(1, 2, 1, 1, 0));

        clock.set(Instant.parse("2026-11-23T15:10:00Z")); // 00:10, a new day: the session still runs
        assertThat(fleet.sessions().tallies().today()).containsEntry(branch.id(), new UnitSessions(1, 0, 0, 0, 0));

        clock.set(Instant.parse("2026-11-23T15:40:00Z"));
        SessionEnd afterMidnight = new SessionEnd(SessionEndReason.USER, Instant.parse("2026-11-23T15:20:00Z"));
        fleet.sessions().events().end(late.device(), overMidnight, afterMidnight);
        fleet.sessions().events().end(late.device(), overMidnight, afterMidnight);
        fleet.sessions().attestations().receive(late.device(), overMidnight, failedWipe(late, overMidnight), "x");
        assertThat(fleet.sessions().tallies().today()).containsEntry(branch.id(), new UnitSessions(0, 0, 1, 0, 1));
    }

    @Test
    void anEndWhoseStartWasNeverCountedDoesNotShowMinusOneRunning() {
        Laptop laptop = enrolledLaptop();
        Instant start = clock.instant().minusSeconds(60);
        String id = SessionIds.newId(start);
        fleet.sessions().events().start(laptop.device(), new SessionStart(id, null, null, null, start));
        // as if the session had started before the counters existed
        fleet.store().collection("session_tallies", Document.class).deleteMany(new Document());
        fleet.sessions().events().end(laptop.device(), id, new SessionEnd(SessionEndReason.USER, clock.instant()));
        assertThat(fleet.sessions().tallies().today().get(branch.id())).extracting(UnitSessions::active, UnitSessions::ended)
            .containsExactly(0, 1);
    }

    /** The states of the sessions recorded as awaiting proof, by session id. */
    private java.util.Map<String, String> awaitingProof() {
        java.util.Map<String, String> states = new java.util.TreeMap<>();
        fleet.store().collection(AwaitingProof.COLLECTION, Document.class).find().forEach(record ->
            states.put(record.getString("_id"), record.getString("state")));
        states.remove(AwaitingProof.BACKFILLED);
        return states;
    }

    @Test
    void aSessionAwaitsProofFromItsStartUntilItsWipeIsVerified() {
        Laptop laptop = enrolledLaptop();
        Instant start = clock.instant().minus(Duration.ofMinutes(60));
        String id = SessionIds.newId(start);
        fleet.sessions().events().start(laptop.device(), new SessionStart(id, null, "3F-A-12", null, start));
        assertThat(awaitingProof()).containsExactly(java.util.Map.entry(id, "STARTED"));

        fleet.sessions().events().end(laptop.device(), id, new SessionEnd(SessionEndReason.TIMEOUT, start.plus(Duration.ofMinutes(50))));
        assertThat(awaitingProof()).containsExactly(java.util.Map.entry(id, "ENDED"));

        fleet.sessions().attestations().receive(laptop.device(), id, signed(laptop, id, List.of()), "10.0.0.1");
        assertThat(awaitingProof()).isEmpty();
        assertThat(fleet.store().collection(AwaitingProof.COLLECTION, Document.class)
            .find(new Document("_id", AwaitingProof.BACKFILLED)).first())
            .as("a store whose first session came after the records needs no backfill").isNotNull();
    }

    @Test
    void aSessionWhoseWipeLeftFilesBehindStillAwaitsProof() {
        Laptop laptop = enrolledLaptop();
        String id = endedSession(laptop);
        fleet.sessions().attestations().receive(laptop.device(), id, failedWipe(laptop, id), "x");

        assertThat(awaitingProof()).containsExactly(java.util.Map.entry(id, "WIPE_FAILED"));
    }
}
