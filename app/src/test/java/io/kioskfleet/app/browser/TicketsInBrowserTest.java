package io.kioskfleet.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.app.agent.EnrolledLaptop;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The help desk works a fault ticket in a real browser, and a colleague sees who handles it. */
class TicketsInBrowserTest extends BrowserStory {

    private static final String PASSWORD = "browser-password-123";

    private ChromeDriver colleague;

    @AfterEach
    void closeColleaguesBrowser() {
        if (colleague != null) {
            colleague.quit();
        }
    }

    private String helpdeskUser() {
        String name = unique("helpdesk").toLowerCase(Locale.ROOT);
        admin.post("/api/v1/users", "{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD
            + "\",\"roles\":[\"HELPDESK\"]}");
        return name;
    }

    private ChromeDriver signedIn(String language, String username) throws Exception {
        ChromeDriver driver = Browser.open(language);
        driver.get(url("/login"));
        Browser.signIn(driver, username, PASSWORD);
        return driver;
    }

    private void submitAndWait(ChromeDriver driver, By button) {
        String before = driver.findElement(By.id("ticket-history")).getText();
        driver.findElement(button).click();
        // The page reloads after the post; the old page's elements go stale on the way.
        new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
            .until(d -> !d.findElement(By.id("ticket-history")).getText().equals(before));
    }

    @Test
    void helpdeskClaimsATicketLogsTheLaptopOutFromItAndResolvesItWhileAColleagueSeesWhoHandlesIt() throws Exception {
        String branch = newBranch(120);
        String serial = unique("BRW");
        admin.post("/api/v1/devices", "{\"serial\":\"" + serial + "\",\"ouId\":\"" + branch + "\"}");
        String token = admin.post("/api/v1/enrollment-tokens", "{\"ouId\":\"" + branch + "\",\"maxUses\":1}").text("secret");
        new EnrolledLaptop(serverPort).enroll(token, serial);
        String sato = helpdeskUser();
        String suzuki = helpdeskUser();
        String title = unique("ログアウトできない");
        String id = admin.post("/api/v1/tickets", "{\"title\":\"" + title + "\",\"deviceSerial\":\"" + serial + "\"}")
            .text("id");

        browser = signedIn("ja", sato);
        browser.get(url("/tickets?handler=none"));
        browser.findElement(By.linkText(title)).click();
        assertThat(browser.findElement(By.id("ticket-handler")).getText()).isEqualTo("未担当");
        submitAndWait(browser, By.id("ticket-claim"));
        assertThat(browser.findElement(By.id("ticket-handler")).getText()).isEqualTo(sato);
        new Select(browser.findElement(By.id("ticket-remote-type"))).selectByValue("LOGOUT");
        submitAndWait(browser, By.id("ticket-remote"));
        assertThat(browser.findElement(By.id("ticket-state")).getText()).isEqualTo("リモート対応中");
        assertThat(browser.findElement(By.id("ticket-history")).getText()).contains("リモート操作", "LOGOUT: QUEUED");

        colleague = signedIn("en", suzuki);
        colleague.get(url("/tickets"));
        assertThat(colleague.findElement(By.cssSelector("tr[data-ticket='" + id + "'] .handler")).getText())
            .isEqualTo(sato);
        colleague.get(url("/tickets/" + id));
        assertThat(colleague.findElements(By.id("ticket-claim"))).as("no claim button on a handled ticket").isEmpty();
        colleague.quit();
        colleague = null;

        new Select(browser.findElement(By.id("ticket-next-state"))).selectByValue("RESOLVED");
        browser.findElement(By.id("ticket-move-note")).sendKeys("リモートでログアウトして解決");
        submitAndWait(browser, By.id("ticket-move"));
        assertThat(browser.findElement(By.id("ticket-state")).getText()).isEqualTo("解決済み");
        assertThat(browser.findElement(By.id("ticket-history")).getText())
            .contains("担当", "リモート操作", "状態変更", "リモートでログアウトして解決");

        browser.get(url("/tickets/report"));
        assertThat(browser.findElement(By.cssSelector("tr[data-ou='" + branch + "'] .rate")).getText()).isEqualTo("100%");
    }

    @Test
    void staffReportAFaultFromTheShortUrlOnTheLaptop() throws Exception {
        String branch = newBranch(45);
        String serial = unique("RPT");
        admin.post("/api/v1/devices", "{\"serial\":\"" + serial + "\",\"ouId\":\"" + branch + "\"}");
        String staff = unique("staff").toLowerCase(Locale.ROOT);
        admin.post("/api/v1/users", "{\"username\":\"" + staff + "\",\"password\":\"" + PASSWORD
            + "\",\"roles\":[\"STAFF\"]}");

        browser = signedIn("ja", staff);
        browser.get(url("/report?device=" + serial));
        assertThat(browser.findElement(By.id("report-device")).getAttribute("value")).isEqualTo(serial);
        browser.findElement(By.id("report-title")).sendKeys("画面が映らない");
        browser.findElement(By.id("report-desk")).sendKeys("3F-A-12");
        browser.findElement(By.id("report-send")).click();

        String received = new WebDriverWait(browser, Duration.ofSeconds(10))
            .until(d -> d.findElement(By.id("report-received"))).getText();
        assertThat(received).contains("受け付けました");
        browser.findElement(By.linkText("報告の対応状況を見る")).click();
        assertThat(browser.findElement(By.id("ticket-state")).getText()).isEqualTo("新規");
    }
}
