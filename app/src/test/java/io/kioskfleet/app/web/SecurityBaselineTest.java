package io.kioskfleet.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.app.ApiClient;
import io.kioskfleet.app.ApiClient.Answer;
import io.kioskfleet.app.RunningServiceTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

class SecurityBaselineTest extends RunningServiceTest {

    @LocalServerPort
    int serverPort;

    @Test
    void healthIsPublicButShowsNoDetailsToStrangers() {
        Answer health = anonymous.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("status")).isEqualTo("UP");
        assertThat(health.body()).doesNotContain("store");
    }

    @Test
    void aCrossSiteRequestWithARememberedPasswordStillNeedsTheCsrfToken() throws Exception {
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(("admin:" + RunningServiceTest.ADMIN_PASSWORD).getBytes());
        HttpResponse<String> response = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + serverPort + "/api/v1/ous"))
                .header("Authorization", basic).header("Sec-Fetch-Site", "cross-site")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"evil\"}")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("urn:kioskfleet:problem:csrf");
    }

    @Test
    void aSignedInBrowserSessionChangesThingsOnlyWithItsCsrfToken() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
        String base = "http://127.0.0.1:" + serverPort;
        String loginPage = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"")
            .matcher(loginPage);
        assertThat(token.find()).as(loginPage).isTrue();
        HttpResponse<String> signIn = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + RunningServiceTest.ADMIN_PASSWORD
                + "&_csrf=" + token.group(1))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.headers().firstValue("Location").orElse("")).doesNotContain("error");

        HttpRequest.Builder change = HttpRequest.newBuilder(URI.create(base + "/api/v1/ous"))
            .header("Content-Type", "application/json").header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\"}"));
        HttpResponse<String> withoutToken = browser.send(change.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(withoutToken.body()).contains("urn:kioskfleet:problem:csrf");

        // The session's token (after sign-in Spring issues a new one): read it from the sign-in page again.
        String page = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher fresh = java.util.regex.Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"")
            .matcher(page);
        assertThat(fresh.find()).isTrue();
        HttpResponse<String> withToken = browser.send(change.header("X-CSRF-TOKEN", fresh.group(1)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(withToken.statusCode()).as(withToken.body()).isNotEqualTo(403);
    }

    @Test
    void guessingAPasswordIsStoppedAfterFiveTriesForThatUserOnly() {
        String name = unique("guessed").toLowerCase();
        admin.post("/api/v1/users", "{\"username\":\"" + name + "\",\"password\":\"the-right-password\",\"roles\":[\"AUDITOR\"]}");
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(ApiClient.signedIn(serverPort, name, "guess-" + attempt).get("/api/v1/users/me").status()).isEqualTo(401);
        }
        Answer throttled = ApiClient.signedIn(serverPort, name, "the-right-password").get("/api/v1/users/me");
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.text("type")).isEqualTo("urn:kioskfleet:problem:sign-in-throttled");
        assertThat(admin.get("/api/v1/users/me").status()).isEqualTo(200);
    }

    @Test
    void pagesCarryAContentSecurityPolicy() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + serverPort + "/login")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("Content-Security-Policy").orElse(""))
            .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'");
    }

    @Test
    void browsersAreNotAskedForABasicPassword() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + serverPort + "/api/v1/devices"))
                .header("Accept", "text/html,application/xhtml+xml").build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void signedInAdminsSeeWhichStoreIsInUse() {
        Answer health = admin.get("/actuator/health");
        assertThat(health.json().path("components").path("store").path("details").path("mode").asString())
            .isEqualTo("embedded");
    }

    @Test
    void everythingElseNeedsSigningIn() {
        for (String path : new String[] {"/api/v1/devices", "/api/v1/ous", "/api/v1/audit/verify", "/actuator/prometheus",
            "/v3/api-docs"}) {
            Answer answer = anonymous.get(path);
            assertThat(answer.status()).as(path).isEqualTo(401);
        }
        Answer api = anonymous.get("/api/v1/devices");
        assertThat(api.contentType()).startsWith("application/problem+json");
        assertThat(api.text("type")).isEqualTo("urn:kioskfleet:problem:unauthenticated");
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertThat(ApiClient.signedIn(serverPort, "admin", "wrong").get("/api/v1/devices").status()).isEqualTo(401);
        assertThat(ApiClient.signedIn(serverPort, "nobody", "x").get("/api/v1/devices").status()).isEqualTo(401);
    }

    @Test
    void aBrowserIsSentToTheSignInPage() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + serverPort + "/")).header("Accept", "text/html").build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void securityHeadersAreSet() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + serverPort + "/actuator/health")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
    }

    @Test
    void theDeviceApiSendsOnlyTheHeadersAMachineNeeds() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + serverPort + "/agent/v1/time")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(response.headers().map().keySet()).map(String::toLowerCase)
            .doesNotContain("x-frame-options", "x-xss-protection", "pragma", "expires");
    }
}
