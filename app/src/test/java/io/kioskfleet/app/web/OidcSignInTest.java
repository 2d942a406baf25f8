package io.kioskfleet.app.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.kioskfleet.app.ApiClient;
import io.kioskfleet.core.access.Role;
import io.kioskfleet.core.store.FleetStore;
import io.kioskfleet.core.store.IdKind;
import io.kioskfleet.core.users.User;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Staff sign in with the city's identity provider (played by WireMock: discovery, keys, the
 * authorization and token endpoints) and act as their own KioskFleet account; people without
 * an enabled local account are turned away. The browser's redirects are followed by hand.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "kioskfleet.admin-password=" + OidcSignInTest.ADMIN_PASSWORD)
class OidcSignInTest {

    static final String ADMIN_PASSWORD = "oidc-test-admin-password";
    private static final AtomicLong NEXT = new AtomicLong();

    private static final String CLIENT_ID = "kioskfleet-console";
    private static final WireMockServer IDP = new WireMockServer(options().dynamicPort());
    private static final RSAKey SIGNING_KEY = newSigningKey();

    static {
        IDP.start();
        String issuer = issuer();
        IDP.stubFor(get(urlEqualTo("/realms/city/.well-known/openid-configuration")).willReturn(okJson("""
            {"issuer":"%1$s","authorization_endpoint":"%1$s/auth","token_endpoint":"%1$s/token",
             "jwks_uri":"%1$s/keys","response_types_supported":["code"],"subject_types_supported":["public"],
             "id_token_signing_alg_values_supported":["RS256"],"scopes_supported":["openid","profile","email"]}
            """.formatted(issuer))));
        IDP.stubFor(get(urlEqualTo("/realms/city/keys")).willReturn(okJson(new JWKSet(SIGNING_KEY.toPublicJWK()).toString())));
        // The person signs in at the provider, which sends the browser back with a code.
        IDP.stubFor(get(urlPathEqualTo("/realms/city/auth")).willReturn(aResponse().withStatus(302)
            .withHeader("Location", "{{request.query.redirect_uri}}?code=one-time-code&state={{urlEncode request.query.state}}")
            .withTransformers("response-template")));
    }

    @LocalServerPort
    int servicePort;
    @Autowired
    FleetStore store;

    private ApiClient admin;

    /** Its own store: a context with a provider configured cannot share the other tests' data file. */
    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) throws IOException {
        Path dataDir = Files.createTempDirectory("kioskfleet-oidc-test-");
        dataDir.toFile().deleteOnExit();
        registry.add("kioskfleet.data-dir", dataDir::toString);
        String registration = "spring.security.oauth2.client.registration.city.";
        registry.add(registration + "client-id", () -> CLIENT_ID);
        registry.add(registration + "client-secret", () -> "test-secret");
        registry.add(registration + "client-name", () -> "City ID");
        registry.add(registration + "scope", () -> "openid,profile,email");
        registry.add("spring.security.oauth2.client.provider.city.issuer-uri", OidcSignInTest::issuer);
    }

    @BeforeEach
    void signInAdmin() {
        admin = ApiClient.signedIn(servicePort, "admin", ADMIN_PASSWORD);
    }

    @Test
    void theSignInPageOffersTheCitysProviderInBothLanguages() {
        Browser browser = new Browser();
        assertThat(browser.get("/login?lang=en").body()).contains("Sign in with City ID");
        assertThat(browser.get("/login?lang=ja").body()).contains("City ID でサインイン");
    }

    @Test
    void aHelpdeskMemberSignedInAtTheCityWorksWithTheirOwnRole() {
        String username = newAccount(Role.HELPDESK, true);
        Browser browser = new Browser();

        HttpResponse<String> landed = browser.signInAtProvider(Map.of("preferred_username", username));

        assertThat(URI.create(landed.headers().firstValue("Location").orElseThrow()).getPath()).isEqualTo("/");
        HttpResponse<String> dashboard = browser.get("/?lang=en");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("id=\"signed-in-as\"").contains(username);
        assertThat(browser.get("/api/v1/users/me").body()).contains("\"HELPDESK\"").doesNotContain("FLEET_ADMIN");
        assertThat(browser.get("/api/v1/users").statusCode()).as("only fleet admins list accounts").isEqualTo(403);
    }

    @Test
    void theEmailClaimNamesTheAccountWhenThereIsNoPreferredUserName() {
        String username = newAccount(Role.AUDITOR, true);
        Browser browser = new Browser();

        browser.signInAtProvider(Map.of("email", username.toUpperCase(Locale.ROOT)));

        assertThat(browser.get("/api/v1/users/me").body()).contains("\"AUDITOR\"");
    }

    @Test
    void someoneWithoutAKioskFleetAccountIsTurnedAwayAndTheRefusalIsAudited() {
        String stranger = "stranger-" + NEXT.incrementAndGet();
        Browser browser = new Browser();

        HttpResponse<String> refused = browser.signInAtProvider(Map.of("preferred_username", stranger));

        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/login?refused");
        assertThat(browser.get("/login?refused&lang=en").body()).contains("id=\"oidc-refused\"")
            .contains("there is no enabled KioskFleet account for you");
        assertThat(browser.get("/login?refused&lang=ja").body()).contains("有効な KioskFleet アカウントがありません");
        assertThat(browser.get("/api/v1/users/me").statusCode()).isEqualTo(401);
        assertThat(admin.get("/api/v1/audit/search?action=sign-in.refused&actor=" + stranger).body())
            .contains("\"targetId\":\"" + stranger + "\"").contains("no-account");
    }

    @Test
    void aDisabledAccountCannotSignInThroughTheProviderEither() {
        String username = newAccount(Role.FLEET_ADMIN, false);
        Browser browser = new Browser();

        HttpResponse<String> refused = browser.signInAtProvider(Map.of("preferred_username", username));

        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/login?refused");
        assertThat(browser.get("/api/v1/users/me").statusCode()).isEqualTo(401);
        assertThat(admin.get("/api/v1/audit/search?action=sign-in.refused&actor=" + username).body()).contains("disabled");
    }

    private String newAccount(Role role, boolean enabled) {
        String username = "oidc-" + System.nanoTime() % 100_000 + "-" + NEXT.incrementAndGet();
        store.collection("users", User.class).insertOne(new User(IdKind.USER.newId(), username,
            "{noop}not-used", Set.of(role), Set.of(), enabled, Instant.now(), 1));
        return username;
    }

    private static String issuer() {
        return "http://localhost:" + IDP.port() + "/realms/city";
    }

    private static RSAKey newSigningKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("test-key").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An id_token for {@code claims}, signed by the provider's key, for the sign-in that asked with {@code nonce}. */
    private static String idToken(Map<String, String> claims, String nonce) {
        JWTClaimsSet.Builder token = new JWTClaimsSet.Builder().issuer(issuer()).subject("sub-" + claims.hashCode())
            .audience(CLIENT_ID).issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300)))
            .claim("nonce", nonce);
        claims.forEach(token::claim);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(SIGNING_KEY.getKeyID()).build(),
                token.build());
            jwt.sign(new RSASSASigner(SIGNING_KEY));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A browser with its own cookies that follows redirects one at a time, so each can be checked. */
    private final class Browser {

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

        HttpResponse<String> get(String pathOrUrl) {
            URI uri = pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : URI.create("http://localhost:" + servicePort + pathOrUrl);
            try {
                return http.send(HttpRequest.newBuilder(uri).header("Accept", "text/html,application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /**
         * Clicks the provider's button, signs in there as whoever {@code claims} describe, and
         * returns the service's answer to the provider's redirect back.
         */
        HttpResponse<String> signInAtProvider(Map<String, String> claims) {
            HttpResponse<String> toProvider = get("/oauth2/authorization/city");
            assertThat(toProvider.statusCode()).isEqualTo(302);
            String authorization = toProvider.headers().firstValue("Location").orElseThrow();
            assertThat(authorization).startsWith(issuer() + "/auth?");
            String nonce = query(URI.create(authorization)).get("nonce");
            IDP.stubFor(post(urlEqualTo("/realms/city/token")).willReturn(okJson("""
                {"access_token":"access-token","token_type":"Bearer","expires_in":300,"scope":"openid profile email",
                 "id_token":"%s"}""".formatted(idToken(claims, nonce)))));

            HttpResponse<String> back = get(authorization);
            assertThat(back.statusCode()).isEqualTo(302);
            HttpResponse<String> answer = get(back.headers().firstValue("Location").orElseThrow());
            assertThat(answer.statusCode()).isEqualTo(302);
            return answer;
        }

        private static Map<String, String> query(URI uri) {
            Map<String, String> values = new HashMap<>();
            for (String pair : uri.getRawQuery().split("&")) {
                String[] parts = pair.split("=", 2);
                values.put(parts[0], URLDecoder.decode(parts.length > 1 ? parts[1] : "", StandardCharsets.UTF_8));
            }
            return values;
        }
    }
}
