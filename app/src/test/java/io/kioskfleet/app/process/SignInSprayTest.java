package io.kioskfleet.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.app.ApiClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Password spraying: one address tries one password against many user names, claiming another
 * address in {@code X-Forwarded-For} each time. After 50 failures the address is refused (429),
 * even with a right password. In a service of its own, as it locks out this machine's address
 * for a quarter of an hour (guessing one user's password is {@code SecurityBaselineTest}'s).
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SignInSprayTest {

    @TempDir
    Path dir;

    @Test
    void sprayingOnePasswordOverManyNamesIsStoppedForTheWholeAddress() throws Exception {
        try (LaunchedService service = LaunchedService.start(dir.resolve("logs"), LaunchedService.freePort(),
            Map.of("KIOSKFLEET_DATA_DIR", dir.resolve("data").toString())).awaitHealthy(Duration.ofSeconds(90))) {
            HttpClient http = HttpClient.newHttpClient();
            int lastStatus = 0;
            for (int attempt = 1; attempt <= 50; attempt++) {
                lastStatus = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/api/v1/users/me"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("staff" + attempt + ":Spring2026!")
                        .getBytes(StandardCharsets.UTF_8)))
                    .header("X-Forwarded-For", "203.0.113." + attempt)
                    .build(), HttpResponse.BodyHandlers.ofString()).statusCode();
                assertThat(lastStatus).as("attempt %d", attempt).isEqualTo(401);
            }
            ApiClient.Answer refused = service.admin().get("/api/v1/users/me");
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.text("type")).isEqualTo("urn:kioskfleet:problem:sign-in-throttled");
        }
    }
}
