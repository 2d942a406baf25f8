package io.kioskfleet.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.app.agent.EnrolledLaptop;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/** An auditor reads the evidence of wipes in a real browser, from the branches down to one session's attestation. */
class EvidenceInBrowserTest extends BrowserStory {

    @TempDir
    Path sessionDir;

    @Test
    void anAuditorDrillsDownFromTheBranchToTheAttestationOfASessionAndDownloadsTheSignedCsv() throws Exception {
        String branch = newBranch(30);
        String branchName = admin.get("/api/v1/ous/" + branch).text("name");
        EnrolledLaptop laptop = EnrolledLaptop.enrolledIn(admin, serverPort, branch, unique("SN"));
        Files.createDirectories(sessionDir.resolve("downloads"));
        Files.writeString(sessionDir.resolve("downloads/申請書.pdf"), "a resident's application");
        String sessionId = laptop.guestSessionWipedIn(sessionDir);
        String auditor = newAuditor("auditor-password");
        admin.post("/api/v1/devices", "{\"serial\":\"" + unique("SILENT") + "\",\"ouId\":\"" + branch + "\"}");

        browser = Browser.open("ja");
        browser.get(url("/evidence?ou=" + branch));
        Browser.signIn(browser, auditor, "auditor-password");

        assertThat(browser.findElement(By.id("nav-evidence")).getText()).isEqualTo("消去証跡");
        assertThat(browser.findElement(By.id("evidence-chain")).getText()).contains("監査チェーンは完全です");
        assertThat(browser.findElement(By.id("evidence-gaps")).getText()).contains("端末は一度もチェックインしていません");
        String csvLink = browser.findElement(By.id("download-csv")).getAttribute("href");
        browser.findElement(By.linkText(branchName)).click();
        browser.findElement(By.linkText(laptop.deviceId())).click();
        assertThat(browser.findElement(By.id("evidence-sessions")).getText()).contains("検証済");
        browser.findElement(By.linkText(sessionId)).click();

        assertThat(browser.findElement(By.id("evidence-verdict")).getText()).startsWith("消去は証明されています");
        assertThat(browser.findElement(By.id("evidence-signature")).getText()).startsWith("有効");
        assertThat(browser.findElement(By.id("evidence-erased")).getText()).contains("${downloads}");

        String cookies = browser.manage().getCookies().stream().map(cookie -> cookie.getName() + "=" + cookie.getValue())
            .collect(Collectors.joining("; "));
        HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(csvLink))
            .header("Cookie", cookies).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains(sessionId);
        assertThat(csv.headers().firstValue("X-KF-Signature")).isPresent();
    }
}
