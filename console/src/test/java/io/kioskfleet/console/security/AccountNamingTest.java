package io.kioskfleet.console.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountNamingTest {

    private final AccountNaming keycloak = new AccountNaming("preferred_username", "");
    private final AccountNaming entra = new AccountNaming("preferred_username", "City.Example.LG.jp");

    @Test
    void aKeycloakUserNameIsTheLocalUserNameInLowerCase() {
        String claimed = keycloak.claimed(Map.of("preferred_username", " Tanaka ", "email", "other@example.jp"));

        assertThat(claimed).isEqualTo("tanaka");
        assertThat(keycloak.localName(claimed)).contains("tanaka");
    }

    @Test
    void theEmailNamesTheAccountWhenTheTokenHasNoPreferredUserName() {
        assertThat(keycloak.claimed(Map.of("email", "Suzuki@City.example.lg.jp"))).isEqualTo("suzuki@city.example.lg.jp");
        assertThat(keycloak.claimed(Map.of("preferred_username", "", "email", "suzuki"))).isEqualTo("suzuki");
    }

    @Test
    void aTokenWithNeitherClaimNamesNobody() {
        assertThat(keycloak.claimed(Map.of("sub", "abc"))).isEmpty();
        assertThat(keycloak.localName("")).isEmpty();
        assertThat(entra.localName("")).isEmpty();
    }

    @Test
    void anEntraUpnInTheCitysDomainNamesTheAccountBeforeTheAt() {
        assertThat(entra.localName(entra.claimed(Map.of("preferred_username", "Tanaka@city.example.lg.jp")))).contains("tanaka");
    }

    @Test
    void aNameInAnotherDomainOrWithoutOneIsRefused() {
        assertThat(entra.localName("tanaka@evil.example.jp")).isEmpty();
        assertThat(entra.localName("tanaka@sub.city.example.lg.jp")).isEmpty();
        assertThat(entra.localName("tanaka")).isEmpty();
        assertThat(entra.localName("@city.example.lg.jp")).isEmpty();
    }

    @Test
    void theSettingsAreCheckedAtStart() {
        assertThatThrownBy(() -> new AccountNaming(" ", "")).hasMessageContaining("username-claim");
        assertThatThrownBy(() -> new AccountNaming("email", "@city.example.lg.jp")).hasMessageContaining("username-domain");
    }
}
