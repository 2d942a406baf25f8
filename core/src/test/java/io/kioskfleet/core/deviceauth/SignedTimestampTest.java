package io.kioskfleet.core.deviceauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

class SignedTimestampTest {

    @Test
    void readsWhatAgentsSendExactlyAsInstantParseDoes() {
        for (String text : List.of("2026-11-23T01:02:03Z", "2026-11-23T01:02:03.4Z", "2026-11-23T01:02:03.456Z",
            "2026-11-23T23:59:59.123456789Z", "2028-02-29T12:00:00Z", "1970-01-01T00:00:00Z", "2026-11-23T01:02:03+09:00")) {
            assertThat(SignedTimestamp.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 1_000; i++) {
            Instant any = Instant.ofEpochSecond(random.nextLong(0, 4_102_444_800L), random.nextInt(1_000_000_000));
            assertThat(SignedTimestamp.parse(any.toString())).isEqualTo(any);
        }
    }

    @Test
    void refusesWhatInstantParseRefuses() {
        for (String text : List.of("", "yesterday", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-11-23T25:00:00Z",
            "2026-11-23T01:02:03.5", "2026-11-23T01:02:03.1234567890Z", "2026-11-23 01:02:03Z", "2026-11-23T01:02:0xZ")) {
            assertThatThrownBy(() -> SignedTimestamp.parse(text)).as(text).isInstanceOf(DateTimeException.class);
        }
    }
}
