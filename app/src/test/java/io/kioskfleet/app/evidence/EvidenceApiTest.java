package io.kioskfleet.app.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.app.ApiClient;
import io.kioskfleet.app.ApiClient.Answer;
import io.kioskfleet.app.RunningServiceTest;
import io.kioskfleet.protocol.signing.EvidenceSignature;
import io.kioskfleet.protocol.signing.ServerKeys;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An auditor reads the evidence report over HTTP, downloads its signed exports and checks the signatures. */
class EvidenceApiTest extends RunningServiceTest {

    @LocalServerPort
    int serverPort;
    ApiClient auditor;
    String period;

    @BeforeEach
    void anAuditor() {
        auditor = ApiClient.signedIn(serverPort, newAuditor("auditor-password"), "auditor-password");
        Instant now = Instant.now();
        period = "from=" + now.minus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS) + "&to="
            + now.plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void anAuditorReadsTheSummaryAndEveryReadingIsInTheAuditChain() {
        String branch = newBranch(30);
        admin.post("/api/v1/devices", "{\"serial\":\"" + unique("EV") + "\",\"ouId\":\"" + branch + "\"}");

        Answer summary = auditor.get("/api/v1/evidence?" + period + "&ou=" + branch);

        assertThat(summary.status()).as(summary.body()).isEqualTo(200);
        assertThat(summary.json().path("devices").asInt()).isEqualTo(1);
        assertThat(summary.json().path("chain").path("intact").asBoolean()).isTrue();
        assertThat(auditor.get("/api/v1/evidence/devices?" + period + "&branch=" + branch).json().path("total").asInt())
            .isEqualTo(1);
        assertThat(admin.get("/api/v1/audit?size=5").body()).contains("evidence.report");
    }

    @Test
    void theCsvExportAndTheAuditChainCarrySignaturesByTheServersKey() {
        byte[] key = ServerKeys.fromPem(auditor.getAnything("/api/v1/evidence/public-key").body());

        Answer csv = auditor.getAnything("/api/v1/evidence/export.csv?" + period);
        EvidenceSignature csvSignature = EvidenceSignature.parse(auditor.getAnything("/api/v1/evidence/export.csv.sig?" + period).body());
        Answer chain = auditor.getAnything("/api/v1/audit/export");
        EvidenceSignature chainSignature = EvidenceSignature.parse(auditor.getAnything("/api/v1/audit/export.sig").body());

        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.body()).startsWith("record,branch,ou_id");
        assertThat(csvSignature.verifies(key, csv.body().getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(chain.body().lines().count()).isGreaterThan(1);
        assertThat(chain.body()).contains("\"action\":\"evidence.export\"");
        // The chain grows with every export (each is noted in it): the .sig is the one of the bytes downloaded.
        assertThat(chainSignature.verifies(key, chain.body().getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @Test
    void thePdfExportIsAPdfSignedByTheServersKeyWithTheSignatureInItsHeaders() {
        byte[] key = ServerKeys.fromPem(auditor.getAnything("/api/v1/evidence/public-key").body());

        HttpResponse<byte[]> pdf = auditor.download("/api/v1/evidence/export.pdf?" + period);
        EvidenceSignature signature = EvidenceSignature.parse(auditor.getAnything("/api/v1/evidence/export.pdf.sig?" + period).body());

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(pdf.headers().firstValue("X-KF-Content-SHA256")).hasValue(signature.contentSha256());
        assertThat(signature.verifies(key, pdf.body())).isTrue();
    }

    @Test
    void aPeriodIsRequiredAndOnlyAuditorsAndFleetAdminsReadEvidence() {
        Answer missing = auditor.get("/api/v1/evidence");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("from");
        assertThat(branchAdminOf(newBranch(30)).get("/api/v1/evidence?" + period).status()).isEqualTo(403);
    }
}
