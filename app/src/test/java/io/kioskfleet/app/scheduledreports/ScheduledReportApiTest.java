package io.kioskfleet.app.scheduledreports;

import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.app.ApiClient;
import io.kioskfleet.app.ApiClient.Answer;
import io.kioskfleet.app.RunningServiceTest;
import io.kioskfleet.core.schedules.FireTrigger;
import io.kioskfleet.core.schedules.ScheduleKind;
import io.kioskfleet.core.schedules.ScheduleTarget;
import io.kioskfleet.core.schedules.ScheduledFire;
import io.kioskfleet.core.schedules.ScheduledWork;
import io.kioskfleet.protocol.signing.EvidenceSignature;
import io.kioskfleet.protocol.signing.ServerKeys;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Over real HTTP: an auditor downloads what an EVIDENCE_REPORT schedule kept and checks its signatures. */
class ScheduledReportApiTest extends RunningServiceTest {

    @LocalServerPort
    int serverPort;
    @Autowired
    ScheduledWork work;

    @Test
    void anAuditorDownloadsLastNightsReportAndItsSignaturesHold() throws InterruptedException {
        ApiClient auditor = ApiClient.signedIn(serverPort, newAuditor("auditor-password"), "auditor-password");
        String branch = newBranch(30);
        String runId = work.start(new ScheduledFire(unique("sch"), "毎晩の証跡報告", ScheduleKind.EVIDENCE_REPORT,
            new ScheduleTarget(List.of(branch), List.of(), List.of()), Duration.ZERO, 100, null, Instant.now(),
            FireTrigger.RUN_NOW, 1));

        JsonNode run = runAfterItsWork(runId);
        assertThat(run.path("state").asString()).as(run.toString()).isEqualTo("COMPLETED");
        assertThat(run.path("detail").asString()).startsWith("evidence report DAY ").contains("0 sessions");
        Answer listed = auditor.get("/api/v1/scheduled-reports");
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.body()).contains(runId, branch, "\"period\":\"DAY\"");

        byte[] key = ServerKeys.fromPem(auditor.getAnything("/api/v1/evidence/public-key").body());
        for (String format : List.of("csv", "pdf")) {
            HttpResponse<byte[]> file = auditor.download("/api/v1/scheduled-reports/" + runId + "/report." + format);
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).contains("." + format);
            Answer signature = auditor.getAnything("/api/v1/scheduled-reports/" + runId + "/report." + format + ".sig");
            assertThat(signature.status()).isEqualTo(200);
            assertThat(EvidenceSignature.parse(signature.body()).verifies(key, file.body())).as(format).isTrue();
        }
        assertThat(auditor.getAnything("/api/v1/scheduled-reports/run_nothere/report.csv").status()).isEqualTo(404);
        Answer page = auditor.getAnything("/scheduled-reports");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("/api/v1/scheduled-reports/" + runId + "/report.pdf.sig", "毎晩の証跡報告");
    }

    private JsonNode runAfterItsWork(String runId) throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            JsonNode run = admin.get("/api/v1/job-runs/" + runId).json();
            String state = run.path("state").asString();
            if (!state.equals("STARTING") && !state.equals("RUNNING")) {
                return run;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + runId + " did not finish");
    }
}
