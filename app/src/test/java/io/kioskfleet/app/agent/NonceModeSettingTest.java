package io.kioskfleet.app.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.core.deviceauth.NonceMode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** An operator chooses how nonces are kept in the words the README gives them. */
class NonceModeSettingTest {

    @Test
    void perRequestAndWriteBehindAreReadAsTheReadmeSpellsThem() {
        assertThat(settings(Map.of("kioskfleet.agent.nonces", "per-request")).nonces()).isEqualTo(NonceMode.PER_REQUEST);
        assertThat(settings(Map.of("kioskfleet.agent.nonces", "write-behind")).nonces()).isEqualTo(NonceMode.WRITE_BEHIND);
    }

    @Test
    void unsetTheStoreDecidesAndNoncesAreWrittenFourTimesASecond() {
        DeviceProtocolProperties defaults = settings(Map.of());
        assertThat(defaults.nonces()).as("chosen by the store's kind when the ledger is built").isNull();
        assertThat(defaults.nonceWriteInterval()).isEqualTo(Duration.ofMillis(250));
    }

    private static DeviceProtocolProperties settings(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
            .bindOrCreate("kioskfleet.agent", DeviceProtocolProperties.class);
    }
}
