package io.kioskfleet.core.evidence;

import static io.kioskfleet.core.CoreFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.kioskfleet.core.CoreFixture;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.access.ForbiddenException;
import io.kioskfleet.core.access.Role;
import io.kioskfleet.core.deviceauth.AuthenticatedDevice;
import io.kioskfleet.core.devices.DeviceDraft;
import io.kioskfleet.core.devices.DeviceStatus;
import io.kioskfleet.core.enrollment.EnrollmentTokenDraft;
import io.kioskfleet.core.ous.OrganisationUnit;
import io.kioskfleet.core.ous.OuDraft;
import io.kioskfleet.core.policies.SettableClock;
import io.kioskfleet.core.sessions.SessionRepository;
import io.kioskfleet.core.store.PageRequest;
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
import io.kioskfleet.protocol.signing.EvidenceSignature;
import io.kioskfleet.protocol.signing.ServerKeys;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Evidence reports on the real embedded store: what they prove, the gaps they spell out, and tampering they catch. */
class EvidenceReportsTest {

    static final Actor AUDITOR = new Actor("auditor", Set.of(Role.AUDITOR), Set.of(), "127.0.0.1");

    @TempDir
    Path dataDir;
    final SettableClock clock = new SettableClock();
    CoreFixture fleet;
    EvidenceReports reports;
    OrganisationUnit north;
    OrganisationUnit south;
    int serials;

    @BeforeEach
    void twoBranches() {
        fleet = CoreFixture.open(dataDir, clock);
        OrganisationUnit cityHall = fleet.units().create(ADMIN, new OuDraft("本庁", null, null, 0));
        north = fleet.units().create(ADMIN, new OuDraft("北部支所", cityHall.id(), "北区1", 30));
        south = fleet.units().create(ADMIN, new OuDraft("南部支所", cityHall.id(), "北区1", 30));
        reports = new EvidenceReports(new SessionRepository(fleet.store()), fleet.sessions().attestations(),
            fleet.devices(), fleet.units(), fleet.protocol().presence(), fleet.audit(), clock, EvidenceSettings.DEFAULT);
    }

    @AfterEach
    void close() {
        fleet.close();
    }

    private record Laptop(AuthenticatedDevice device, DeviceKeyPair keys) {
    }

    private Laptop laptopIn(OrganisationUnit unit) {
        String serial = "SN-E" + (++serials);
        fleet.devices().preRegister(ADMIN, new DeviceDraft(serial, unit.id(), null, null, null, null));
        String secret = fleet.protocol().tokens().create(ADMIN, new EnrollmentTokenDraft(unit.id(), null, 1, null)).secret();
        DeviceKeyPair keys = DeviceKeyPair.generate();
        String id = fleet.protocol().enrollment().enroll(new EnrollmentRequest(secret, serial, keys.publicKeyText(), "1.0"),
            "10.0.0.1").deviceId();
        return new Laptop(new AuthenticatedDevice(id, unit.id(), DeviceStatus.ENROLLED), keys);
    }

    /** A session of 50 minutes that ended 10 minutes ago. */
    private String endedSession(Laptop laptop) {
        return endedSession(laptop, Duration.ofMinutes(10));
    }

    private String endedSession(Laptop laptop, Duration endedAgo) {
        Instant start = clock.instant().minus(endedAgo).minus(Duration.ofMinutes(50));
        String id = SessionIds.newId(start);
        fleet.sessions().events().start(laptop.device(), new SessionStart(id, null, "3F-A-12", null, start));
        fleet.sessions().events().end(laptop.device(), id, new SessionEnd(SessionEndReason.TIMEOUT, start.plus(Duration.ofMinutes(50))));
        return id;
    }

    /** The device wipes 9 minutes ago and attests it. */
    private void attest(Laptop laptop, String sessionId) {
        Instant wipe = clock.instant().minus(Duration.ofMinutes(9));
        WipeAttestation attestation = AttestationSignature.sign(laptop.keys(), new WipeAttestation(sessionId,
            laptop.device().deviceId(), wipe, wipe.plusSeconds(3), List.of(new ErasedArea("${downloads}", 4, 4096)),
            List.of(), List.of(), RemainingManifest.digestOf(List.of()), true, null));
        fleet.sessions().attestations().receive(laptop.device(), sessionId, attestation, "10.0.0.1");
    }

    /** A session of the laptop that ended and whose wipe it attested. */
    private String provenSession(Laptop laptop) {
        String id = endedSession(laptop);
        attest(laptop, id);
        return id;
    }

    /** Changes a stored record behind the service's back, as someone with write access to the store could. */
    private void alter(String collection, String id, org.bson.conversions.Bson change) {
        fleet.store().database().getCollection(collectionOf(collection)).updateOne(Filters.eq("_id", id), change);
    }

    private EvidenceQuery thisMonth() {
        YearMonth month = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
        return new EvidenceQuery(month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC),
            month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC), List.of());
    }

    private String collectionOf(String prefix) {
        YearMonth month = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
        return prefix + "_" + month.getYear() + "_" + String.format("%02d", month.getMonthValue());
    }

    private SessionVerdict verdictOf(Laptop laptop, String sessionId) {
        return reports.device(AUDITOR, thisMonth(), laptop.device().deviceId()).sessions().stream()
            .filter(line -> line.session().id().equals(sessionId)).findFirst().orElseThrow().verdict();
    }

    @Test
    void anAuditorSeesEverySessionWithItsProofAndTheGapsPerBranch() {
        Laptop northLaptop = laptopIn(north);
        Laptop southLaptop = laptopIn(south);
        String proven = provenSession(northLaptop);
        String unproven = endedSession(southLaptop);
        String late = endedSession(southLaptop, Duration.ofMinutes(60));
        attest(southLaptop, late);

        EvidenceSummary summary = reports.summary(AUDITOR, thisMonth());

        assertThat(summary.totals()).isEqualTo(new EvidenceTotals(3, 2, 1, 0, 1, 0));
        assertThat(summary.branches()).extracting(BranchEvidence::name).containsExactly("北部支所", "南部支所");
        assertThat(summary.branches().get(0).totals().verified()).isEqualTo(1);
        assertThat(summary.gaps()).extracting(EvidenceGap::kind, EvidenceGap::subjectId)
            .contains(org.assertj.core.groups.Tuple.tuple("MISSING", unproven),
                org.assertj.core.groups.Tuple.tuple("LATE", late));
        assertThat(summary.chain().intact()).isTrue();
        DeviceEvidence device = reports.device(AUDITOR, thisMonth(), northLaptop.device().deviceId());
        assertThat(device.branch()).isEqualTo("北部支所");
        assertThat(device.sessions()).singleElement().satisfies(line -> {
            assertThat(line.verdict()).isEqualTo(SessionVerdict.VERIFIED);
            assertThat(line.attestation().signatureVerified()).isTrue();
            assertThat(line.attestation().erasedFiles()).isEqualTo(4);
        });
    }

    @Test
    void aReportCoversTheAskedBranchWithItsSubUnitsOnly() {
        OrganisationUnit annex = fleet.units().create(ADMIN, new OuDraft("北部支所 別館", north.id(), "北区2", 30));
        Laptop annexLaptop = laptopIn(annex);
        laptopIn(south);
        attest(annexLaptop, endedSession(annexLaptop));
        EvidenceQuery month = thisMonth();

        EvidenceSummary summary = reports.summary(AUDITOR, new EvidenceQuery(month.from(), month.to(), List.of(north.id())));

        assertThat(summary.devices()).isEqualTo(1);
        assertThat(summary.totals().verified()).isEqualTo(1);
        assertThat(reports.devices(AUDITOR, month, south.id(), new PageRequest(0, 10)).total()).isEqualTo(1);
    }

    @Test
    void anAlteredAttestationIsReportedAsABadSignature() {
        Laptop laptop = laptopIn(north);
        String id = provenSession(laptop);

        alter("attestations", id, Updates.set("attestation.erased.0.files", 400));

        assertThat(verdictOf(laptop, id)).isEqualTo(SessionVerdict.BAD_SIGNATURE);
        assertThat(reports.summary(AUDITOR, thisMonth()).totals().failed()).isEqualTo(1);
    }

    @Test
    void anAlteredRemainingManifestIsCaught() {
        Laptop laptop = laptopIn(north);
        String id = provenSession(laptop);

        alter("attestations", id, Updates.set("attestation.remainingDigest", "0".repeat(64)));

        assertThat(verdictOf(laptop, id)).isIn(SessionVerdict.BAD_SIGNATURE, SessionVerdict.DIGEST_MISMATCH);
    }

    @Test
    void anAlteredSessionNoLongerMatchesItsSignedAttestation() {
        Laptop laptop = laptopIn(north);
        String moved = provenSession(laptop);
        String stretched = provenSession(laptop);
        Laptop other = laptopIn(north);

        alter("sessions", stretched, Updates.set("endedAt", clock.instant()));
        alter("sessions", moved, Updates.set("deviceId", other.device().deviceId()));

        assertThat(verdictOf(laptop, stretched)).isEqualTo(SessionVerdict.RECORD_MISMATCH);
        // the drill-down lists a session under the device it was recorded for, where the altered record shows
        assertThat(verdictOf(laptop, moved)).isEqualTo(SessionVerdict.RECORD_MISMATCH);
        assertThat(reports.summary(AUDITOR, thisMonth()).totals().failed()).isEqualTo(2);
    }

    @Test
    void aSessionMovedToAnotherBranchInTheStoreBreaksItsSeal() {
        Laptop laptop = laptopIn(north);
        String id = provenSession(laptop);

        alter("sessions", id, Updates.set("ouId", south.id()));

        EvidenceSummary summary = reports.summary(AUDITOR, thisMonth());
        assertThat(summary.totals().failed()).isEqualTo(1);
        assertThat(summary.gaps()).extracting(EvidenceGap::kind, EvidenceGap::subjectId)
            .contains(org.assertj.core.groups.Tuple.tuple("RECORD_MISMATCH", id));
    }

    @Test
    void anAttestationAlteredOutsideWhatTheDeviceSignedBreaksItsSeal() {
        Laptop laptop = laptopIn(north);
        String id = provenSession(laptop);

        alter("attestations", id, Updates.set("receivedAt", clock.instant().minus(Duration.ofDays(3))));

        assertThat(verdictOf(laptop, id)).isEqualTo(SessionVerdict.RECORD_MISMATCH);
        assertThat(reports.summary(AUDITOR, thisMonth()).totals().failed()).isEqualTo(1);
    }

    @Test
    void recordsWhoseSealsWereRemovedAreCaught() {
        clock.set(clock.instant().plus(Duration.ofDays(2))); // sessions made well after the seal key: each must carry a seal
        Laptop laptop = laptopIn(north);
        String unsealedSession = provenSession(laptop);
        String unsealedProof = provenSession(laptop);

        alter("sessions", unsealedSession, Updates.unset("seal"));
        alter("attestations", unsealedProof, Updates.unset("seal"));

        assertThat(reports.summary(AUDITOR, thisMonth()).totals().failed()).isEqualTo(2);
        assertThat(verdictOf(laptop, unsealedSession)).isEqualTo(SessionVerdict.RECORD_MISMATCH);
        assertThat(verdictOf(laptop, unsealedProof)).isEqualTo(SessionVerdict.RECORD_MISMATCH);
    }

    @Test
    void aDrillDownFindsSessionsRecordedBeforeThePerDeviceIndexExisted() {
        Laptop laptop = laptopIn(north);
        String id = provenSession(laptop);
        fleet.store().database().getCollection(collectionOf("device_sessions")).drop(); // as before the upgrade
        EvidenceReports upgraded = new EvidenceReports(new SessionRepository(fleet.store()), fleet.sessions().attestations(),
            fleet.devices(), fleet.units(), fleet.protocol().presence(), fleet.audit(), clock, EvidenceSettings.DEFAULT);

        assertThat(upgraded.device(AUDITOR, thisMonth(), laptop.device().deviceId()).sessions())
            .singleElement().satisfies(line -> {
                assertThat(line.session().id()).isEqualTo(id);
                assertThat(line.verdict()).isEqualTo(SessionVerdict.VERIFIED);
            });
        assertThat(fleet.store().database().getCollection(collectionOf("device_sessions")).countDocuments())
            .as("the device's month and the month's 'complete' mark").isEqualTo(2);
    }

    @Test
    void anAlteredAuditEventBreaksTheChainInTheReport() {
        laptopIn(north);
        fleet.store().database().getCollection("audit_events")
            .updateOne(Filters.eq("_id", "aud_000000000001"), Updates.set("actor", "mallory"));

        EvidenceSummary summary = reports.summary(AUDITOR, thisMonth());

        assertThat(summary.chain().intact()).isFalse();
        assertThat(summary.gaps()).extracting(EvidenceGap::kind).contains("AUDIT_CHAIN_BROKEN");
    }

    @Test
    void lostAndSilentDevicesAreGaps() {
        Laptop lost = laptopIn(north);
        fleet.devices().lock(ADMIN, lost.device().deviceId());

        EvidenceSummary summary = reports.summary(AUDITOR, thisMonth());

        assertThat(summary.gaps()).filteredOn(gap -> lost.device().deviceId().equals(gap.deviceId()))
            .extracting(EvidenceGap::kind).contains("DEVICE_LOST", "DEVICE_OFFLINE");
    }

    @Test
    void thePdfExportShowsTheBranchesInJapaneseWithTheirTotalsAndIsSignedByTheServersKey() throws IOException {
        Laptop northLaptop = laptopIn(north);
        attest(northLaptop, endedSession(northLaptop));
        endedSession(laptopIn(south));
        EvidenceSigningKey key = EvidenceSigningKey.inDirectory(dataDir);
        EvidenceExports exports = new EvidenceExports(reports, fleet.audit(), key);

        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        EvidenceSignature signature = exports.pdf(AUDITOR, thisMonth(), Locale.JAPANESE, pdf);
        EvidenceSignature again = exports.pdf(AUDITOR, thisMonth(), Locale.JAPANESE, OutputStream.nullOutputStream());

        try (PDDocument document = Loader.loadPDF(pdf.toByteArray())) {
            // NFKC: the font draws 支 and the radical ⽀ with one glyph, and text extraction may name either
            String text = Normalizer.normalize(new PDFTextStripper().getText(document), Normalizer.Form.NFKC);
            assertThat(text).contains("証跡報告書", "北部支所", "南部支所", "予定 expected 2", "検証済 verified 1",
                "欠落 missing 1", "MISSING");
        }
        byte[] publicKey = ServerKeys.fromPem(key.publicKeyPem());
        assertThat(signature.verifies(publicKey, pdf.toByteArray())).isTrue();
        assertThat(again).as("the same report gives the same bytes, so a .sig fetched later matches").isEqualTo(signature);
        byte[] altered = pdf.toByteArray();
        altered[altered.length / 2] ^= 1;
        assertThat(signature.verifies(publicKey, altered)).isFalse();
    }

    @Test
    void theCsvListsEveryGapInTheReadersLanguageThoughTheSummaryShowsTheFirst200() {
        for (int n = 0; n < EvidenceReports.GAPS_SHOWN + 5; n++) {
            fleet.devices().preRegister(ADMIN, new DeviceDraft("SN-SILENT-" + n, south.id(), null, null, null, null));
        }
        Laptop laptop = laptopIn(north);
        String unproven = endedSession(laptop);
        EvidenceExports exports = new EvidenceExports(reports, fleet.audit(), EvidenceSigningKey.inDirectory(dataDir));

        ByteArrayOutputStream japanese = new ByteArrayOutputStream();
        exports.csv(AUDITOR, thisMonth(), Locale.JAPANESE, japanese);
        ByteArrayOutputStream english = new ByteArrayOutputStream();
        exports.csv(AUDITOR, thisMonth(), Locale.ENGLISH, english);

        List<String> rows = japanese.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        assertThat(rows).filteredOn(row -> row.startsWith("gap,") && row.contains("DEVICE_OFFLINE"))
            .hasSize(EvidenceReports.GAPS_SHOWN + 6) // every silent device and the laptop, beyond the summary's 200
            .allSatisfy(row -> assertThat(row).endsWith("端末は一度もチェックインしていません"));
        assertThat(rows).filteredOn(row -> row.startsWith("session,") && row.contains(unproven)).singleElement()
            .satisfies(row -> assertThat(row).endsWith("セッションは終了しましたが、消去証明書が受け付けられていません"));
        assertThat(english.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("the device never checked in")
            .doesNotContain("端末");
        assertThat(exports.lastSignature(AUDITOR, "csv", thisMonth(), Locale.JAPANESE)).isPresent()
            .isNotEqualTo(exports.lastSignature(AUDITOR, "csv", thisMonth(), Locale.ENGLISH));
        assertThat(reports.summary(AUDITOR, thisMonth()).gaps()).hasSize(EvidenceReports.GAPS_SHOWN);
    }

    @Test
    void everyReadingIsWrittenToTheAuditChainAndOnlyAuditorsAndFleetAdminsRead() {
        reports.summary(AUDITOR, thisMonth());

        assertThat(fleet.audit().newestFirst(ADMIN, new PageRequest(0, 1)).items().get(0))
            .satisfies(event -> {
                assertThat(event.action()).isEqualTo("evidence.report");
                assertThat(event.actor()).isEqualTo("auditor");
            });
        assertThatThrownBy(() -> reports.summary(CoreFixture.branchAdminOf(north.id()), thisMonth()))
            .isInstanceOf(ForbiddenException.class);
    }
}
