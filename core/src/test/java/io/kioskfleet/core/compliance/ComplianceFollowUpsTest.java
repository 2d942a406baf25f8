package io.kioskfleet.core.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.core.CoreFixture;
import io.kioskfleet.core.store.IndexBootstrap;
import io.kioskfleet.protocol.sessions.SessionState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Follow-ups of compliance exceptions on the real embedded store: one call per device, nothing lost when one fails. */
class ComplianceFollowUpsTest {

    static final Instant ENDED = Instant.parse("2026-12-01T08:00:00Z");
    static final Instant FOUND = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path dataDir;
    CoreFixture fleet;
    ComplianceExceptions exceptions;

    @BeforeEach
    void open() {
        fleet = CoreFixture.open(dataDir);
        exceptions = new ComplianceExceptions(fleet.store());
        new IndexBootstrap(fleet.store()).createAll(List.of(exceptions));
    }

    @AfterEach
    void close() {
        fleet.close();
    }

    @Test
    void eachDeviceIsFollowedUpOnceForAllItsExceptionsOfSeveralBatches() {
        Map<String, List<String>> calls = new TreeMap<>();
        exceptions.whenFollowingUp((deviceId, found) -> calls.put(deviceId,
            found.stream().map(ComplianceException::sessionId).sorted().toList()));

        exceptions.record(List.of(unproven("ses_1", "dev_a"), unproven("ses_2", "dev_b")));
        exceptions.record(List.of(unproven("ses_3", "dev_a")));
        exceptions.followUpLater();

        assertThat(calls).containsExactlyEntriesOf(new TreeMap<>(Map.of("dev_a", List.of("ses_1", "ses_3"),
            "dev_b", List.of("ses_2"))));
        assertThat(exceptions.waitingForFollowUp()).isZero();
        calls.clear();
        assertThat(exceptions.followUp()).isZero();
        assertThat(calls).isEmpty();
    }

    @Test
    void aFollowUpThatFailsLeavesItsDevicesExceptionsForTheNextRunAndTheOthersGoOn() {
        AtomicBoolean storeAway = new AtomicBoolean(true);
        List<String> followed = new ArrayList<>();
        exceptions.whenFollowingUp((deviceId, found) -> {
            if (deviceId.equals("dev_a") && storeAway.get()) {
                throw new IllegalStateException("tickets unavailable");
            }
            followed.add(deviceId);
        });
        exceptions.record(List.of(unproven("ses_1", "dev_a"), unproven("ses_2", "dev_b")));

        assertThat(exceptions.followUp()).isEqualTo(1);
        assertThat(followed).containsExactly("dev_b");
        assertThat(exceptions.waitingForFollowUp()).isEqualTo(1);

        storeAway.set(false);
        assertThat(exceptions.followUp()).isEqualTo(1);
        assertThat(followed).containsExactly("dev_b", "dev_a");
        assertThat(exceptions.waitingForFollowUp()).isZero();
    }

    @Test
    void withoutFollowUpsNothingWaits() {
        exceptions.record(List.of(unproven("ses_1", "dev_a")));

        assertThat(exceptions.waitingForFollowUp()).isZero();
        assertThat(exceptions.count(CoreFixture.ADMIN)).isEqualTo(1);
    }

    private static ComplianceException unproven(String sessionId, String deviceId) {
        return new ComplianceException(sessionId, deviceId, "ou_1", SessionState.UNVERIFIED, ENDED, FOUND, "run_1");
    }
}
