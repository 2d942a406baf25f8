package io.kioskfleet.core.users;

import static io.kioskfleet.core.CoreFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kioskfleet.core.CoreFixture;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.access.ForbiddenException;
import io.kioskfleet.core.access.Role;
import io.kioskfleet.core.input.InvalidInputException;
import io.kioskfleet.core.store.IndexBootstrap;
import io.kioskfleet.core.store.StoreClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiTokensTest {

    @TempDir
    Path dataDir;
    CoreFixture fleet;
    ApiTokens tokens;
    UserView helpdesk;
    Actor helpdeskActor;

    @BeforeEach
    void open() {
        fleet = CoreFixture.open(dataDir);
        tokens = new ApiTokens(fleet.store(), fleet.users(), fleet.audit(), StoreClock.system());
        new IndexBootstrap(fleet.store()).createAll(List.of(tokens));
        helpdesk = fleet.users().create(ADMIN,
            new UserDraft("hana.helpdesk", "long-enough-password", Set.of(Role.HELPDESK, Role.AUDITOR), Set.of()));
        helpdeskActor = new Actor("hana.helpdesk", helpdesk.roles(), Set.of(), "10.0.0.5");
    }

    @AfterEach
    void close() {
        fleet.close();
    }

    private Instant inDays(int days) {
        return Instant.now().plus(Duration.ofDays(days));
    }

    @Test
    void aTokenActsForItsOwnerWithTheRolesItWasGiven() {
        IssuedApiToken issued = tokens.issue(helpdeskActor, "inventory export", Set.of(Role.AUDITOR), inDays(30));

        assertThat(issued.secret()).startsWith("kfat_");
        TokenHolder holder = tokens.authenticate(issued.secret()).orElseThrow();
        assertThat(holder.username()).isEqualTo("hana.helpdesk");
        assertThat(holder.roles()).containsExactly(Role.AUDITOR);
        assertThat(tokens.authenticate(issued.secret() + "x")).isEmpty();
        assertThat(fleet.audit().forTarget(ADMIN, issued.token().id())).extracting(e -> e.after())
            .noneMatch(after -> after.contains(issued.secret()));
    }

    @Test
    void nobodyGetsATokenWithRolesTheyDoNotHold() {
        assertThatThrownBy(() -> tokens.issue(helpdeskActor, "escalate", Set.of(Role.FLEET_ADMIN), inDays(1)))
            .isInstanceOf(InvalidInputException.class).hasMessageContaining("roles");
    }

    @Test
    void everyTokenExpiresWithinAYear() {
        assertThatThrownBy(() -> tokens.issue(helpdeskActor, "forever", null, null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> tokens.issue(helpdeskActor, "too long", null, inDays(400)))
            .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> tokens.issue(helpdeskActor, "past", null, Instant.now().minusSeconds(5)))
            .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aRevokedTokenStopsWorkingAtOnce() {
        IssuedApiToken issued = tokens.issue(helpdeskActor, "script", null, inDays(1));
        assertThat(tokens.revoke(helpdeskActor, issued.token().id()).usable()).isFalse();
        assertThat(tokens.authenticate(issued.secret())).isEmpty();
    }

    @Test
    void onlyTheOwnerOrAFleetAdminRevokes() {
        IssuedApiToken issued = tokens.issue(helpdeskActor, "script", null, inDays(1));
        Actor other = new Actor("someone.else", Set.of(Role.AUDITOR), Set.of(), "x");
        assertThatThrownBy(() -> tokens.revoke(other, issued.token().id())).isInstanceOf(ForbiddenException.class);
        assertThat(tokens.revoke(ADMIN, issued.token().id()).revokedAt()).isNotNull();
    }

    @Test
    void takingARoleFromTheOwnerTakesItFromTheirTokensAndDisablingStopsThem() {
        IssuedApiToken issued = tokens.issue(helpdeskActor, "both", null, inDays(1));
        UserView changed = fleet.users().change(ADMIN, helpdesk.id(), Set.of(Role.HELPDESK), Set.of(), true, helpdesk.version());
        assertThat(tokens.authenticate(issued.secret()).orElseThrow().roles()).containsExactly(Role.HELPDESK);

        fleet.users().change(ADMIN, helpdesk.id(), Set.of(Role.HELPDESK), Set.of(), false, changed.version());
        assertThat(tokens.authenticate(issued.secret())).isEmpty();
    }

    @Test
    void eachUserSeesTheirOwnTokensAndAdminsSeeAll() {
        tokens.issue(helpdeskActor, "mine", null, inDays(1));
        fleet.users().ensureFirstAdmin("first-admin-password");
        tokens.issue(new Actor("admin", Set.of(Role.FLEET_ADMIN), Set.of(), "x"), "admin's", null, inDays(1));
        assertThat(tokens.list(new Actor("hana.helpdesk", Set.of(Role.HELPDESK), Set.of(), "x")))
            .extracting(ApiTokenView::name).containsExactly("mine");
        assertThat(tokens.list(ADMIN)).hasSize(2);
    }
}
