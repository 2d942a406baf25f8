package io.kioskfleet.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.app.ApiClient.Answer;
import io.kioskfleet.app.RunningServiceTest;
import org.junit.jupiter.api.Test;

class OperationsEndpointsTest extends RunningServiceTest {

    @Test
    void prometheusMetricsAreServedToSignedInUsers() {
        Answer metrics = admin.getAnything("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes", "http_server_requests");
    }

    @Test
    void theApiIsDescribedAndBrowsable() {
        Answer description = admin.get("/v3/api-docs");
        assertThat(description.status()).isEqualTo(200);
        assertThat(description.json().path("info").path("title").asString()).isEqualTo("KioskFleet admin API");
        assertThat(description.json().path("paths").has("/api/v1/devices")).isTrue();
        assertThat(description.json().path("paths").has("/api/v1/audit/verify")).isTrue();
        assertThat(admin.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void theDashboardRefreshesItsLivePartBySelf() {
        Answer page = admin.get("/?lang=en");
        assertThat(page.body()).contains("hx-trigger=\"every 30s\"");
        java.util.regex.Matcher script = java.util.regex.Pattern.compile("src=\"(/webjars/htmx.org/[^\"]+)\"").matcher(page.body());
        assertThat(script.find()).isTrue();
        assertThat(anonymous.getAnything(script.group(1)).status()).isEqualTo(200);
        Answer live = admin.get("/overview");
        assertThat(live.status()).isEqualTo(200);
        assertThat(live.body()).startsWith("<section").contains("id=\"overview\"", "id=\"branches\"").doesNotContain("<html");
    }

    @Test
    void theStartPageSpeaksJapaneseOrEnglish() {
        Answer english = admin.get("/?lang=en");
        assertThat(english.status()).isEqualTo(200);
        assertThat(english.body()).contains("Fleet overview", "Organisation units");
        assertThat(admin.get("/?lang=ja").body()).contains("フリート概要", "接続中");
    }
}
