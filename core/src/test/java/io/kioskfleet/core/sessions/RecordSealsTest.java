package io.kioskfleet.core.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.protocol.sessions.SessionEndReason;
import io.kioskfleet.protocol.sessions.SessionIds;
import io.kioskfleet.protocol.sessions.SessionState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's seals on stored records: only its own key makes one that holds, and only for the record as written. */
class RecordSealsTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path otherDataDir;

    private final Instant start = Instant.parse("2026-11-02T01:00:00Z");
    private final Session session = new Session(SessionIds.newId(start), "dev_1", "ou_north", null, "3F-A-12", null, null,
        start, SessionEndReason.TIMEOUT, start.plusSeconds(3000), SessionState.VERIFIED, 3);

    @Test
    void aSealHoldsForTheRecordAsTheServerWroteItWhateverItsStateAndVersion() {
        RecordSeals seals = RecordSeals.inDirectory(dataDir);
        Session sealed = seals.sealed(session);

        assertThat(seals.holds(sealed)).isTrue();
        assertThat(seals.holds(sealed.inState(SessionState.UNVERIFIED))).as("state and version are not evidence").isTrue();
        assertThat(seals.holds(new Session(sealed.id(), sealed.deviceId(), "ou_south", null, "3F-A-12", null, null,
            sealed.startedAt(), sealed.endReason(), sealed.endedAt(), sealed.state(), sealed.version(), sealed.seal())))
            .as("moved to another unit").isFalse();
        assertThat(seals.holds(session)).as("never sealed").isFalse();
    }

    @Test
    void theKeyStaysInTheDataDirectoryAndAnotherKeyCannotMakeASealThatHolds() throws Exception {
        Session sealed = RecordSeals.inDirectory(dataDir).sealed(session);

        assertThat(RecordSeals.inDirectory(dataDir).holds(sealed)).as("the same key read again").isTrue();
        assertThat(RecordSeals.inDirectory(otherDataDir).holds(sealed)).isFalse();
        assertThat(Files.size(dataDir.resolve(RecordSeals.FILE_NAME))).isEqualTo(32);
        assertThat(RecordSeals.inDirectory(dataDir).toString()).doesNotContain(sealed.seal());
    }
}
