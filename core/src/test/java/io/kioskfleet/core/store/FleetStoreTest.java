package io.kioskfleet.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kioskfleet.core.CoreFixture;
import io.kioskfleet.core.ous.OuDraft;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetStoreTest {

    @TempDir
    Path dataDir;

    @Test
    void whatWasWrittenIsThereAfterTheStoreIsReopened() {
        String id;
        try (CoreFixture fleet = CoreFixture.open(dataDir)) {
            id = fleet.units().create(CoreFixture.ADMIN, new OuDraft("本庁舎", null, null, 0)).id();
        }
        try (CoreFixture reopened = CoreFixture.open(dataDir)) {
            assertThat(reopened.units().get(id).name()).isEqualTo("本庁舎");
            assertThat(reopened.store().description()).contains(CoreFixture.onRealMongoDb() ? "MongoDB at" : "embedded store");
        }
    }

    @Test
    void anUnwritableDataDirectoryIsRefusedWithAOneLineFix() throws Exception {
        // A path below a plain file can never be created, even by root (who ignores permissions).
        Path inside = Files.createFile(dataDir.resolve("not-a-directory")).resolve("data");
        assertThatThrownBy(() -> FleetStore.open(new StoreSettings("", inside, "kioskfleet", Duration.ofSeconds(2))))
            .isInstanceOf(StoreUnavailableException.class)
            .hasMessageContaining(inside.toString())
            .hasMessageContaining("KIOSKFLEET_DATA_DIR")
            .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    @org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable(named = CoreFixture.MONGODB_URI_VARIABLE, matches = ".+")
    void aDataDirectoryInUseByAnotherStoreIsRefused() {
        try (CoreFixture first = CoreFixture.open(dataDir)) {
            assertThatThrownBy(() -> FleetStore.open(new StoreSettings("", dataDir, "kioskfleet", Duration.ofSeconds(2))))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("in use by another process");
        }
    }

    @Test
    void anUnreachableMongoDbIsRefusedWithAOneLineFix() {
        StoreSettings settings = new StoreSettings("mongodb://127.0.0.1:1/kioskfleet", dataDir, "kioskfleet",
            Duration.ofMillis(500));
        assertThatThrownBy(() -> FleetStore.open(settings))
            .isInstanceOf(StoreUnavailableException.class)
            .hasMessageContaining("cannot reach the store (MongoDB at 127.0.0.1:1")
            .hasMessageContaining("no answer within")
            .hasMessageContaining("MONGODB_URI")
            .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aMalformedMongoDbUriIsRefused() {
        assertThatThrownBy(() -> FleetStore.open(new StoreSettings("postgres://x", dataDir, "kioskfleet", Duration.ofSeconds(1))))
            .isInstanceOf(StoreUnavailableException.class)
            .hasMessageStartingWith("MONGODB_URI is not a MongoDB connection string");
    }

    @Test
    void idsSayWhatTheyName() {
        String id = IdKind.DEVICE.newId();
        assertThat(id).startsWith("dev_").hasSize(24);
        assertThat(IdKind.DEVICE.matches(id)).isTrue();
        assertThat(IdKind.ORGANISATION_UNIT.matches(id)).isFalse();
        assertThat(IdKind.DEVICE.newId()).isNotEqualTo(id);
    }
}
