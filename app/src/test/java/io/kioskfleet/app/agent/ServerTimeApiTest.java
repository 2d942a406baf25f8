package io.kioskfleet.app.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.app.RunningServiceTest;
import io.kioskfleet.app.ApiClient.Answer;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ServerTimeApiTest extends RunningServiceTest {

    @Test
    void aDeviceWithAWrongClockAsksTheServerForItsTimeWithoutSigning() {
        Answer answer = anonymous.get("/agent/v1/time");

        assertThat(answer.status()).isEqualTo(200);
        Instant serverTime = Instant.parse(answer.text("serverTime"));
        assertThat(Duration.between(serverTime, Instant.now()).abs()).isLessThan(Duration.ofSeconds(5));
    }
}
