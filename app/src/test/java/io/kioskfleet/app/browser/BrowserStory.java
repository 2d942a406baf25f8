package io.kioskfleet.app.browser;

import io.kioskfleet.app.RunningServiceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A user's story told in a real browser against the running service: the story opens
 * {@link #browser} (see {@link Browser#open}), which is closed after it, and whose screen and page
 * source are saved when the story fails.
 */
abstract class BrowserStory extends RunningServiceTest {

    @LocalServerPort
    protected int serverPort;

    protected ChromeDriver browser;

    @RegisterExtension
    final ScreenshotOnFailure screenshots = new ScreenshotOnFailure(() -> browser);

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** The address of {@code path} on the running service. */
    protected String url(String path) {
        return "http://127.0.0.1:" + serverPort + path;
    }
}
