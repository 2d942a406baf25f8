package io.kioskfleet.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.core.schedules.FireTrigger;
import io.kioskfleet.core.schedules.ScheduleKind;
import io.kioskfleet.core.schedules.ScheduleTarget;
import io.kioskfleet.core.schedules.ScheduledFire;
import io.kioskfleet.core.schedules.ScheduledWork;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/** An auditor finds last night's scheduled evidence report in a real browser, in Japanese. */
class ScheduledReportsInBrowserTest extends BrowserStory {

    @Autowired
    ScheduledWork work;

    @Test
    void anAuditorFindsTheNightlyReportWithItsSignedFiles() throws Exception {
        String branch = newBranch(30);
        String runId = work.start(new ScheduledFire(unique("sch"), "毎晩の証跡報告", ScheduleKind.EVIDENCE_REPORT,
            new ScheduleTarget(List.of(branch), List.of(), List.of()), Duration.ZERO, 100, null, Instant.now(),
            FireTrigger.RUN_NOW, 1));
        String auditor = newAuditor("auditor-password");
        for (int attempt = 0; attempt < 100 && !admin.get("/api/v1/scheduled-reports").body().contains(runId); attempt++) {
            Thread.sleep(100);
        }

        browser = Browser.open("ja");
        browser.get(url("/scheduled-reports"));
        Browser.signIn(browser, auditor, "auditor-password");

        assertThat(browser.findElement(By.id("nav-scheduled-reports")).getText()).isEqualTo("定期報告書");
        String row = browser.findElement(By.id("report-" + runId)).getText();
        assertThat(row).contains("毎晩の証跡報告", "日次", "署名");
        assertThat(browser.findElement(By.id("report-" + runId)).findElement(By.className("download-pdf")).getAttribute("href"))
            .endsWith("/api/v1/scheduled-reports/" + runId + "/report.pdf");
    }
}
