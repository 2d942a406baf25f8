package io.kioskfleet.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void theKeyIsCreatedOnceReadableByItsOwnerOnlyAndKeptAcrossRuns() throws Exception {
        StateDirectory state = new StateDirectory(dir.resolve("state"));
        String publicKey = state.keys().publicKeyText();

        Path keyFile = dir.resolve("state").resolve(StateDirectory.KEY_FILE);
        assertThat(Files.readAllBytes(keyFile)).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(new StateDirectory(dir.resolve("state")).keys().publicKeyText()).isEqualTo(publicKey);
    }

    @Test
    void theIdentityIsKeptAndNothingIsThereBeforeEnrollment() {
        StateDirectory state = new StateDirectory(dir);
        assertThat(state.identity()).isEmpty();
        assertThat(state.policy()).isEmpty();
        EnrolledIdentity identity = new EnrolledIdentity("http://x", "dev_1", "ou_1", "SN-1", Instant.parse("2026-11-23T00:00:00Z"));
        state.saveIdentity(identity);
        assertThat(new StateDirectory(dir).identity()).contains(identity);
    }
}
