package io.kioskfleet.app.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Chromium for console tests: Debian's {@code chromium} and {@code chromedriver}
 * (never a downloaded browser). Without them the test is skipped, unless
 * {@code KIOSKFLEET_REQUIRE_BROWSER} is set (as CI does), when it fails.
 */
final class Browser {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Browser() {
    }

    /** A new browser whose preferred language is {@code language}. */
    static ChromeDriver open(String language) throws Exception {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (System.getenv("KIOSKFLEET_REQUIRE_BROWSER") != null && !installed) {
            throw new IllegalStateException("browser tests need chromium and chromium-driver: apt-get install -y chromium chromium-driver");
        }
        Assumptions.assumeTrue(installed, "chromium and chromium-driver are not installed; browser tests skipped");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--window-size=1280,900", "--lang=" + language,
            "--user-data-dir=" + Files.createTempDirectory("kioskfleet-chromium-"));
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        // A click that submits a form returns before the next page is there; wait for elements.
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(10));
        return driver;
    }

    /** Signs in on the sign-in page the browser shows, and waits until it has left it. */
    static void signIn(ChromeDriver browser, String username, String password) {
        browser.findElement(org.openqa.selenium.By.id("username")).sendKeys(username);
        browser.findElement(org.openqa.selenium.By.id("password")).sendKeys(password);
        browser.findElement(org.openqa.selenium.By.id("sign-in")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(10))
            .until(driver -> !driver.getCurrentUrl().contains("/login"));
    }
}
