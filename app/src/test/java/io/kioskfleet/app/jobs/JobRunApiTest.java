package io.kioskfleet.app.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.app.ApiClient.Answer;
import io.kioskfleet.app.RunningServiceTest;
import io.kioskfleet.app.agent.EnrolledLaptop;
import io.kioskfleet.core.schedules.FireTrigger;
import io.kioskfleet.core.schedules.ScheduleKind;
import io.kioskfleet.core.schedules.ScheduleTarget;
import io.kioskfleet.core.schedules.ScheduledFire;
import io.kioskfleet.core.schedules.ScheduledWork;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Job runs over real HTTP: a wave fired as the scheduler fires it, followed and cancelled through the API. */
class JobRunApiTest extends RunningServiceTest {

    @LocalServerPort
    int port;
    @Autowired
    ScheduledWork work;

    private String enrolledLaptop(String ouId) {
        String serial = unique("JR");
        assertThat(admin.post("/api/v1/devices", "{\"serial\":\"" + serial + "\",\"ouId\":\"" + ouId + "\"}").status())
            .isEqualTo(201);
        String token = admin.post("/api/v1/enrollment-tokens", "{\"ouId\":\"" + ouId + "\",\"maxUses\":1}").text("secret");
        return new EnrolledLaptop(port).enroll(token, serial).deviceId();
    }

    private JsonNode runAfterItsWork(String runId) throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            JsonNode run = admin.get("/api/v1/job-runs/" + runId).json();
            if (!run.path("state").asString().equals("STARTING") && !run.path("state").asString().equals("RUNNING")) {
                return run;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + runId + " did not finish");
    }

    @Test
    void anAdminFollowsAnEveningWipeWaveAndCancelsWhatIsStillWaiting() throws InterruptedException {
        String branch = newBranch(45);
        enrolledLaptop(branch);
        enrolledLaptop(branch);
        String schedule = unique("sch");
        String runId = work.start(new ScheduledFire(schedule, "夕方の一斉消去", ScheduleKind.LOGOUT_AND_WIPE,
            new ScheduleTarget(List.of(branch), List.of(), List.of()), Duration.ofMinutes(30), 1, null,
            Instant.now(), FireTrigger.RUN_NOW, 1));

        JsonNode run = runAfterItsWork(runId);
        assertThat(run.path("state").asString()).isEqualTo("COMPLETED");
        assertThat(run.path("counts").path("targets").asLong()).isEqualTo(2);
        assertThat(run.path("counts").path("queued").asLong()).isEqualTo(2);
        Answer listed = admin.get("/api/v1/job-runs?schedule=" + schedule + "&kind=LOGOUT_AND_WIPE");
        assertThat(listed.json().path("total").asLong()).isEqualTo(1);
        assertThat(listed.json().path("items").get(0).path("id").asString()).isEqualTo(runId);

        Answer cancelled = admin.post("/api/v1/job-runs/" + runId + "/cancel", "");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.text("state")).isEqualTo("CANCELLED");
        assertThat(cancelled.json().path("cancelledBy").asString()).isEqualTo("admin");
        // The first laptop's command was due at once and the second's 15 minutes later; neither was delivered.
        assertThat(cancelled.json().path("counts").path("cancelled").asLong()).isEqualTo(2);
        Answer again = admin.post("/api/v1/job-runs/" + runId + "/cancel", "");
        assertThat(again.text("state")).isEqualTo("CANCELLED");
    }

    @Test
    void unknownRunsAndUnknownFiltersAreProblems() {
        Answer missing = admin.get("/api/v1/job-runs/run_nothere");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        Answer badKind = admin.get("/api/v1/job-runs?kind=TEA_BREAK");
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.contentType()).startsWith("application/problem+json");
    }
}
