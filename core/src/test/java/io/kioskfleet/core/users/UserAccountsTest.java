package io.kioskfleet.core.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.core.CoreFixture;
import io.kioskfleet.core.access.Role;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserAccountsTest {

    @TempDir
    Path dataDir;

    @Test
    void theFirstStartCreatesAdminWithTheGivenPasswordHashedAndOnlyOnce() {
        try (CoreFixture fleet = CoreFixture.open(dataDir)) {
            assertThat(fleet.users().ensureFirstAdmin("s3cret")).isEmpty();
            User admin = fleet.users().findByUsername("admin").orElseThrow();
            assertThat(admin.passwordHash()).isEqualTo("plain:s3cret");
            assertThat(admin.roles()).containsExactly(Role.FLEET_ADMIN);
            assertThat(fleet.users().ensureFirstAdmin("other")).isEmpty();
            assertThat(fleet.users().findByUsername("admin").orElseThrow().passwordHash()).isEqualTo("plain:s3cret");
            assertThat(fleet.audit().verify(CoreFixture.ADMIN).eventsChecked()).isEqualTo(1);
            assertThat(fleet.audit().find(CoreFixture.ADMIN, "aud_000000000001").orElseThrow().after()).doesNotContain("s3cret");
        }
    }

    @Test
    void withoutAPasswordARandomOneIsMadeAndReturnedOnce() {
        try (CoreFixture fleet = CoreFixture.open(dataDir)) {
            String generated = fleet.users().ensureFirstAdmin(null).orElseThrow();
            assertThat(generated).hasSizeGreaterThanOrEqualTo(20);
            assertThat(fleet.users().findByUsername("admin").orElseThrow().passwordHash()).isEqualTo("plain:" + generated);
            assertThat(fleet.users().ensureFirstAdmin(null)).isEmpty();
        }
    }
}
