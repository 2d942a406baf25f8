package io.kioskfleet.core.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kioskfleet.core.CoreFixture;
import io.kioskfleet.core.access.Role;
import java.nio.file.Path;
import java.util.Set;
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

    @Test
    void aFleetAdminCreatesAccountsWithRolesAndUnits() {
        try (CoreFixture fleet = CoreFixture.open(dataDir)) {
            String hq = fleet.units().create(CoreFixture.ADMIN, new io.kioskfleet.core.ous.OuDraft("本庁", null, null, 0)).id();
            UserView branchAdmin = fleet.users().create(CoreFixture.ADMIN,
                new UserDraft("Sato.Branch", "long-enough-password", Set.of(Role.BRANCH_ADMIN), Set.of(hq)));

            assertThat(branchAdmin.username()).isEqualTo("sato.branch");
            assertThat(fleet.users().findByUsername("sato.branch").orElseThrow().passwordHash())
                .isEqualTo("plain:long-enough-password");
            assertThat(fleet.users().list(CoreFixture.ADMIN)).extracting(UserView::username).contains("sato.branch");
            assertThatThrownBy(() -> fleet.users().create(CoreFixture.ADMIN,
                new UserDraft("sato.branch", "long-enough-password", Set.of(Role.STAFF), Set.of())))
                .isInstanceOf(io.kioskfleet.core.store.ConflictException.class);
        }
    }

    @Test
    void badAccountsAreRefusedWithEveryProblem() {
        try (CoreFixture fleet = CoreFixture.open(dataDir)) {
            assertThatThrownBy(() -> fleet.users().create(CoreFixture.ADMIN,
                new UserDraft("x", "short", Set.of(Role.BRANCH_ADMIN), Set.of())))
                .isInstanceOf(io.kioskfleet.core.input.InvalidInputException.class)
                .satisfies(e -> assertThat(((io.kioskfleet.core.input.InvalidInputException) e).errors())
                    .extracting(io.kioskfleet.core.input.FieldError::path).containsExactly("username", "password", "ouScope"));
        }
    }

    @Test
    void onlyFleetAdminsManageAccountsAndNobodyLocksThemselvesOut() {
        try (CoreFixture fleet = CoreFixture.open(dataDir)) {
            fleet.users().ensureFirstAdmin("first-admin-password");
            UserView admin = fleet.users().list(CoreFixture.ADMIN).get(0);
            var self = new io.kioskfleet.core.access.Actor("admin", Set.of(Role.FLEET_ADMIN), Set.of(), "x");
            assertThatThrownBy(() -> fleet.users().change(self, admin.id(), Set.of(Role.AUDITOR), Set.of(), true, admin.version()))
                .isInstanceOf(io.kioskfleet.core.store.ConflictException.class);
            var staff = new io.kioskfleet.core.access.Actor("staff", Set.of(Role.STAFF), Set.of(), "x");
            assertThatThrownBy(() -> fleet.users().create(staff,
                new UserDraft("someone", "long-enough-password", Set.of(Role.STAFF), Set.of())))
                .isInstanceOf(io.kioskfleet.core.access.ForbiddenException.class);
        }
    }

    @Test
    void everyoneMayChangeTheirOwnPasswordOnly() {
        try (CoreFixture fleet = CoreFixture.open(dataDir)) {
            UserView staff = fleet.users().create(CoreFixture.ADMIN,
                new UserDraft("yamada", "long-enough-password", Set.of(Role.STAFF), Set.of()));
            var yamada = new io.kioskfleet.core.access.Actor("yamada", Set.of(Role.STAFF), Set.of(), "x");
            fleet.users().setPassword(yamada, staff.id(), "another-long-password");
            assertThat(fleet.users().findByUsername("yamada").orElseThrow().passwordHash()).isEqualTo("plain:another-long-password");

            UserView other = fleet.users().create(CoreFixture.ADMIN,
                new UserDraft("suzuki", "long-enough-password", Set.of(Role.STAFF), Set.of()));
            assertThatThrownBy(() -> fleet.users().setPassword(yamada, other.id(), "hijacked-password-1"))
                .isInstanceOf(io.kioskfleet.core.access.ForbiddenException.class);
        }
    }
}
