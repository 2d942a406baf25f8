package io.kioskfleet.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.app.RunningServiceTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** IT staff plan the branch's fixed-time erase in the console, in Japanese, and pause it. */
class SchedulesInBrowserTest extends RunningServiceTest {

    @LocalServerPort
    int serverPort;

    private ChromeDriver browser;

    @org.junit.jupiter.api.extension.RegisterExtension
    final ScreenshotOnFailure screenshots = new ScreenshotOnFailure(() -> browser);

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + serverPort + path;
    }

    @Test
    void anAdminPlansANoonAndEveningWipeForABranchOnWeekdaysSkippingHolidaysAndPausesIt() throws Exception {
        String branch = newBranch(45);
        String name = unique("支所 昼と夕方の消去");
        browser = Browser.open("ja");
        browser.get(url("/schedules"));
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
        browser.findElement(By.id("sign-in")).click();
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
}
