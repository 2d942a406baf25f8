package io.kioskfleet.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.app.agent.EnrolledLaptop;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** IT staff use the console in a real browser: sign in, find a device, read its history, in Japanese or English. */
class ConsoleInBrowserTest extends BrowserStory {

    /** Waits for the next page: an element that is on both pages shows the new text only once it is there. */
    private void waitForText(By element, String text) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(element, text));
    }

    private void signIn() {
        Browser.signIn(browser, "admin", ADMIN_PASSWORD);
    }

    @Test
    void anAdminSignsInFindsADeviceByItsSerialAndReadsItsHistory() throws Exception {
        String branch = newBranch(90);
        String serial = unique("WEB");
        String deviceId = admin.post("/api/v1/devices", "{\"serial\":\"" + serial + "\",\"ouId\":\"" + branch
            + "\",\"model\":\"Chromebook\"}").text("id");
        String ticketId = admin.post("/api/v1/tickets", "{\"title\":\"Screen stays black\",\"deviceId\":\"" + deviceId + "\"}")
            .text("id");
        browser = Browser.open("en");

        browser.get(url("/devices"));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        assertThat(browser.findElement(By.tagName("button")).getText()).isEqualTo("Sign in");
        signIn();

        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/devices"));
        browser.findElement(By.id("filter-text")).sendKeys(serial);
        browser.findElement(By.id("filter-apply")).click();
        waitForText(By.id("device-total"), "1 devices");
        browser.findElement(By.linkText(serial)).click();

        assertThat(browser.findElement(By.id("device-serial")).getText()).isEqualTo(serial);
        assertThat(browser.findElement(By.id("device-status")).getText()).isEqualTo("Pre-registered");
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("Change", "device.preregister", "admin",
            "Ticket", "Ticket opened", "Screen stays black");

        browser.findElement(By.linkText("Ticket opened")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/tickets/" + ticketId));
    }

    @Test
    void theDashboardShowsABranchsRunningSessionsTodaysWipesAndOpenTickets(@TempDir Path sessionDir) throws Exception {
        String branch = newBranch(60);
        EnrolledLaptop.enrolledIn(admin, serverPort, branch, unique("DASH")).guestSessionWipedIn(sessionDir);
        EnrolledLaptop.enrolledIn(admin, serverPort, branch, unique("DASH")).guestSessionStarted();
        admin.post("/api/v1/tickets", "{\"title\":\"プリンタが使えない\",\"ouId\":\"" + branch + "\"}");
        browser = Browser.open("ja");
        browser.get(url("/"));
        signIn();

        WebElement row = browser.findElement(By.id("branch-" + branch));
        assertThat(List.of("active-sessions", "ended-today", "verified-today", "failed-today", "open-tickets").stream()
            .map(cell -> row.findElement(By.className(cell)).getText()).toList())
            .containsExactly("1", "1", "1", "0", "1");
        assertThat(browser.findElement(By.id("session-counts")).getText()).contains("利用中", "本日の消去確認済み");
        assertThat(Integer.parseInt(browser.findElement(By.id("count-verified-today")).getText())).isPositive();

        // the part htmx fetches every 30 seconds carries the same counts
        browser.get(url("/overview"));
        assertThat(browser.findElement(By.id("branch-" + branch)).findElement(By.className("open-tickets")).getText())
            .isEqualTo("1");
    }

    @Test
    void aJapaneseBrowserGetsJapaneseAndCanSwitchToEnglish() throws Exception {
        browser = Browser.open("ja");
        browser.get(url("/login"));
        assertThat(browser.findElement(By.id("sign-in")).getText()).isEqualTo("サインイン");
        signIn();

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("フリート概要");
        browser.findElement(By.id("language-switch")).click();
        waitForText(By.tagName("h1"), "Fleet overview");
        browser.get(url("/devices"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Devices");
    }

    @Test
    void aWrongPasswordIsSaidInTheUsersLanguage() throws Exception {
        browser = Browser.open("ja");
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys("wrong");
        browser.findElement(By.id("sign-in")).click();
        assertThat(browser.findElement(By.id("sign-in-error")).getText()).isEqualTo("ユーザー名またはパスワードが違います。");
    }

    @Test
    void aCsvFileWithMistakesIsCheckedRowByRowThenRegisteredOnceFixed() throws Exception {
        String branch = newBranch(45);
        String good = unique("CSV");
        java.nio.file.Path file = java.nio.file.Files.createTempFile("devices-", ".csv");
        java.nio.file.Files.writeString(file, "serial,ou,model\n" + good + "," + branch + ",Chromebook\n!!," + branch + ",x\n");
        browser = Browser.open("en");
        browser.get(url("/devices/import"));
        signIn();

        browser.findElement(By.id("import-file")).sendKeys(file.toString());
        browser.findElement(By.id("import-submit")).click();
        assertThat(browser.findElement(By.id("import-errors")).getText()).contains("line 3: serial", "nothing was registered");

        java.nio.file.Files.writeString(file, "serial,ou,model\n" + good + "," + branch + ",Chromebook\n");
        browser.findElement(By.id("import-file")).sendKeys(file.toString());
        browser.findElement(By.id("import-dry-run")).click();
        browser.findElement(By.id("import-submit")).click();
        assertThat(browser.findElement(By.id("import-result")).getText()).contains("1 device(s) registered", good, "Registered");
        assertThat(admin.get("/api/v1/devices?q=" + good).json().path("total").asInt()).isEqualTo(1);
    }

    @Test
    void anAuditorVerifiesTheChainWithOneClick() throws Exception {
        newBranch(5);
        browser = Browser.open("ja");
        browser.get(url("/audit"));
        signIn();
        assertThat(browser.findElement(By.id("audit-events")).getText()).contains("ou.create");
        browser.findElement(By.id("verify-chain")).click();
        assertThat(browser.findElement(By.id("verification")).getText()).contains("改ざん・削除・並べ替えはありません");
    }

    @Test
    void aLostLaptopIsLockedInTwoClicksFromASearchForItsSerial() throws Exception {
        String branch = newBranch(120);
        String serial = unique("LOST");
        admin.post("/api/v1/devices", "{\"serial\":\"" + serial + "\",\"ouId\":\"" + branch + "\"}");
        String token = admin.post("/api/v1/enrollment-tokens", "{\"ouId\":\"" + branch + "\",\"maxUses\":1}").text("secret");
        io.kioskfleet.app.agent.EnrolledLaptop laptop = new io.kioskfleet.app.agent.EnrolledLaptop(serverPort).enroll(token, serial);
        browser = Browser.open("en");
        browser.get(url("/devices?q=" + serial));
        signIn();

        browser.findElement(By.id("lock-" + serial)).click();
        assertThat(browser.findElement(By.id("lock-question")).getText()).contains(serial);
        browser.findElement(By.id("lock-reason")).sendKeys("reported lost on the train");
        browser.findElement(By.id("lock-confirm")).click();

        assertThat(browser.findElement(By.id("locked-notice")).getText()).startsWith("Locked.");
        assertThat(browser.findElement(By.id("device-status")).getText()).isEqualTo("Locked (lost)");
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("Command", "Lock", "Queued");
        assertThat(laptop.checkIn().answer().commands()).extracting(command -> command.type().name()).containsExactly("LOCK");
        assertThat(admin.get("/api/v1/audit?target=" + laptop.deviceId()).body()).contains("device.lock");
    }

    @Test
    void theOrganisationShowsBranchesUnderHeadquartersWithTheirTravelTime() throws Exception {
        String branch = newBranch(95);
        String name = admin.get("/api/v1/ous/" + branch).text("name");
        browser = Browser.open("en");
        browser.get(url("/ous"));
        signIn();
        assertThat(browser.findElement(By.id("ou-tree")).getText()).contains(name, "95 min", "Branch office");
    }

    @Test
    void anEnrollmentTokenIsShownOnceAndCanBeRevoked() throws Exception {
        String branch = newBranch(20);
        browser = Browser.open("en");
        browser.get(url("/enrollment-tokens"));
        signIn();
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("token-ou"))).selectByValue(branch);
        browser.findElement(By.id("token-uses")).clear();
        browser.findElement(By.id("token-uses")).sendKeys("5");
        browser.findElement(By.id("token-note")).sendKeys("spring setup");
        browser.findElement(By.id("token-create")).click();

        String secret = browser.findElement(By.id("issued-secret")).getText();
        assertThat(secret).startsWith("kfet_");
        assertThat(browser.findElement(By.id("tokens")).getText()).contains("spring setup", "0 / 5", "Active");
        browser.get(url("/enrollment-tokens"));
        assertThat(browser.getPageSource()).doesNotContain(secret);
    }

    @Test
    void aFleetAdminCreatesAnAuditorWhoCanThenSignIn() throws Exception {
        String name = unique("auditor").toLowerCase();
        browser = Browser.open("ja");
        browser.get(url("/users"));
        signIn();
        browser.findElement(By.id("user-name")).sendKeys(name);
        browser.findElement(By.id("user-password")).sendKeys("auditor-password-1");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("user-role"))).selectByValue("AUDITOR");
        browser.findElement(By.id("user-create")).click();

        assertThat(browser.findElement(By.id("user-created")).getText()).contains(name);
        assertThat(browser.findElement(By.id("users")).getText()).contains(name, "監査担当");
        assertThat(io.kioskfleet.app.ApiClient.signedIn(serverPort, name, "auditor-password-1").get("/api/v1/audit/verify").status())
            .isEqualTo(200);
    }

    @Test
    void anAdminEditsAPolicySeesProblemsByLineInJapaneseFixesThemAndPublishes() throws Exception {
        String name = unique("guest").toLowerCase();
        browser = Browser.open("ja");
        browser.get(url("/policies"));
        signIn();
        browser.findElement(By.id("policy-name")).sendKeys(name);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("policy-template"))).selectByValue("ephemeral-guest");
        browser.findElement(By.id("policy-create")).click();
        assertThat(browser.findElement(By.id("policy-title")).getText()).isEqualTo(name);

        String draft = browser.findElement(By.id("policy-source")).getAttribute("value");
        setSource(draft.replace("maxLengthMinutes: 240", "maxLengthMinutes: 2"));
        browser.findElement(By.id("policy-save")).click();
        assertThat(browser.findElement(By.id("policy-problems")).getText())
            .contains("行", "settings.session.maxLengthMinutes", "範囲外");

        setSource(draft.replace("maxLengthMinutes: 240", "maxLengthMinutes: 120"));
        browser.findElement(By.id("policy-save")).click();
        browser.findElement(By.id("policy-publish")).click();
        assertThat(browser.findElement(By.id("policy-published")).getText()).contains("バージョン 1");
        assertThat(browser.findElement(By.id("policy-versions")).getText()).contains("v1", "admin");
    }

    /** Replaces the editor's whole text in one step, as pasting would. */
    private void setSource(String text) {
        var source = browser.findElement(By.id("policy-source"));
        browser.executeScript("arguments[0].value = arguments[1];", source, text);
    }

    @Test
    void staffLogOutSeveralLaptopsAtOnceAfterAConfirmationNamingHowManyAndWhere() throws Exception {
        String branch = newBranch(40);
        String prefix = unique("BULK");
        List<io.kioskfleet.app.agent.EnrolledLaptop> laptops = new java.util.ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            String serial = prefix + "-" + i;
            admin.post("/api/v1/devices", "{\"serial\":\"" + serial + "\",\"ouId\":\"" + branch + "\"}");
            String token = admin.post("/api/v1/enrollment-tokens", "{\"ouId\":\"" + branch + "\"}").text("secret");
            laptops.add(new io.kioskfleet.app.agent.EnrolledLaptop(serverPort).enroll(token, serial));
        }
        browser = Browser.open("en");
        browser.get(url("/devices?q=" + prefix));
        signIn();

        browser.findElement(By.id("select-" + prefix + "-1")).click();
        browser.findElement(By.id("select-" + prefix + "-2")).click();
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("bulk-type"))).selectByValue("LOGOUT");
        browser.findElement(By.id("bulk-next")).click();
        assertThat(browser.findElement(By.id("bulk-question")).getText()).isEqualTo("Log out: 2 device(s) in 1 unit(s). Go ahead?");
        browser.findElement(By.id("bulk-confirm")).click();

        assertThat(browser.findElement(By.id("bulk-done")).getText()).startsWith("Log out sent to 2 device(s)");
        assertThat(laptops.get(0).checkIn().answer().commands()).extracting(command -> command.type().name())
            .containsExactly("LOGOUT");
    }
    @org.springframework.beans.factory.annotation.Autowired
    io.kioskfleet.core.schedules.ScheduledWork scheduledWork;

    @Test
    void anAdminWatchesAnEveningWipeWaveAppearWithItsProgressAndCancelsIt() throws Exception {
        String branch = newBranch(50);
        for (int i = 1; i <= 2; i++) {
            String serial = unique("WAVE");
            admin.post("/api/v1/devices", "{\"serial\":\"" + serial + "\",\"ouId\":\"" + branch + "\"}");
            String token = admin.post("/api/v1/enrollment-tokens", "{\"ouId\":\"" + branch + "\"}").text("secret");
            new io.kioskfleet.app.agent.EnrolledLaptop(serverPort).enroll(token, serial);
        }
        browser = Browser.open("ja");
        browser.get(url("/job-runs"));
        signIn();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("ジョブ実行");

        String runId = scheduledWork.start(new io.kioskfleet.core.schedules.ScheduledFire(unique("sch"), "夕方の一斉消去",
            io.kioskfleet.core.schedules.ScheduleKind.LOGOUT_AND_WIPE,
            new io.kioskfleet.core.schedules.ScheduleTarget(List.of(branch), List.of(), List.of()), Duration.ofMinutes(30),
            1, null, java.time.Instant.now(), io.kioskfleet.core.schedules.FireTrigger.RUN_NOW, 1));
        // The open list fetches itself again: the new run appears without reloading the page.
        By row = By.id("run-" + runId);
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.textToBePresentInElementLocated(row, "完了"));
        assertThat(browser.findElement(row).getText()).contains("夕方の一斉消去", "一斉ログアウトと消去");
        assertThat(browser.findElement(row).findElement(By.tagName("progress")).getAttribute("value")).isEqualTo("100");

        browser.findElement(row).findElement(By.tagName("a")).click();
        assertThat(browser.findElement(By.id("count-queued")).getText()).isEqualTo("2");
        browser.findElement(By.id("cancel-run")).click();
        assertThat(browser.findElement(By.id("cancelled-notice")).getText()).contains("取り消しました");
        assertThat(browser.findElement(By.id("run-state")).getText()).isEqualTo("取消済み");
        assertThat(browser.findElement(By.id("count-cancelled")).getText()).isEqualTo("2");

        // The dashboard counts what the sweeps found and leads to the list.
        browser.get(url("/"));
        assertThat(browser.findElement(By.id("count-compliance")).getText()).matches("\\d+");
        browser.findElement(By.id("attention")).findElement(By.linkText("消去未証明")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("要対応");
    }

    @Test
    void anAdminPlansANoonAndEveningWipeForABranchOnWeekdaysSkippingHolidaysAndPausesIt() throws Exception {
        String branch = newBranch(45);
        String name = unique("支所 昼と夕方の消去");
        browser = Browser.open("ja");
        browser.get(url("/schedules"));
        signIn();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/schedules"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("スケジュール");

        browser.findElement(By.id("schedule-name")).sendKeys(name);
        new Select(browser.findElement(By.id("schedule-kind"))).selectByValue("LOGOUT_AND_WIPE");
        new Select(browser.findElement(By.id("schedule-ou"))).selectByValue(branch);
        browser.findElement(By.id("schedule-times")).sendKeys("12:00 17:30");
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            assertThat(browser.findElement(By.id("schedule-day-" + day)).isSelected()).isTrue();
        }
        assertThat(browser.findElement(By.id("schedule-day-SATURDAY")).isSelected()).isFalse();
        assertThat(browser.findElement(By.id("schedule-skip-holidays")).isSelected()).isTrue();
        browser.findElement(By.id("schedule-save")).click();

        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("next-fires")));
        assertThat(browser.findElement(By.id("schedule-title")).getText()).isEqualTo(name);
        assertThat(browser.findElement(By.id("schedule-state")).getText()).isEqualTo("有効");
        List<WebElement> fires = browser.findElements(By.cssSelector("#next-fires li"));
        assertThat(fires).hasSize(10);
        assertThat(fires).allSatisfy(fire -> assertThat(fire.getText()).matches(
            "\\d{4}-\\d\\d-\\d\\d \\((月|火|水|木|金)\\) (12:00|17:30) \\+09:00"));

        browser.findElement(By.id("schedule-pause")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
            .until(ExpectedConditions.textToBe(By.id("schedule-state"), "一時停止中"));
        assertThat(browser.findElement(By.id("schedule-resume")).getText()).isEqualTo("再開");

        browser.findElement(By.id("schedule-run-now")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
            .until(ExpectedConditions.textToBePresentInElementLocated(By.id("fires"), "今すぐ実行"));

        browser.get(url("/schedules"));
        assertThat(browser.findElement(By.id("schedules")).getText()).contains(name, "ログアウトと消去", "一時停止中");
    }

    @Test
    void anAdminPlansAWeeklyEvidenceReportAndTheFormKeepsItsPeriod() throws Exception {
        String name = unique("週次の証跡報告");
        browser = Browser.open("ja");
        browser.get(url("/schedules"));
        signIn();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/schedules"));

        browser.findElement(By.id("schedule-name")).sendKeys(name);
        new Select(browser.findElement(By.id("schedule-kind"))).selectByValue("EVIDENCE_REPORT");
        new Select(browser.findElement(By.id("schedule-ou"))).selectByValue("");
        browser.findElement(By.id("schedule-times")).sendKeys("01:00");
        new Select(browser.findElement(By.id("schedule-report-period"))).selectByVisibleText("週次");
        browser.findElement(By.id("schedule-save")).click();

        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("next-fires")));
        assertThat(browser.findElement(By.id("schedule-title")).getText()).isEqualTo(name);
        assertThat(new Select(browser.findElement(By.id("schedule-report-period"))).getFirstSelectedOption().getText())
            .isEqualTo("週次");
    }
}
