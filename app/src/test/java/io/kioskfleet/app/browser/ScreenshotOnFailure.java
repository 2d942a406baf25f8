package io.kioskfleet.app.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * When a browser test fails, keeps what the browser showed: a screenshot and the page source
 * under {@code target/browser-failures/}, taken before the browser is closed.
 */
final class ScreenshotOnFailure implements AfterTestExecutionCallback {

    private final Supplier<ChromeDriver> browser;

    ScreenshotOnFailure(Supplier<ChromeDriver> browser) {
        this.browser = browser;
    }

    @Override
    public void afterTestExecution(ExtensionContext context) throws Exception {
        ChromeDriver driver = browser.get();
        if (context.getExecutionException().isEmpty() || driver == null) {
            return;
        }
        Path dir = Files.createDirectories(Path.of("target", "browser-failures"));
        String name = context.getRequiredTestMethod().getName();
        Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        Files.writeString(dir.resolve(name + ".html"), driver.getPageSource());
    }
}
