package io.kioskfleet.console.security;

import io.kioskfleet.core.audit.AuditChain;
import io.kioskfleet.core.users.ApiTokens;
import io.kioskfleet.core.users.PasswordHashing;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.user.OAuth2User;
import io.kioskfleet.core.users.UserAccounts;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import java.time.Clock;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who may reach what: {@code /actuator/health} is public, the other actuator endpoints are for
 * fleet admins, everything else needs a signed-in user, by an API token or HTTP Basic (scripts)
 * or the sign-in form (browsers), or, when configured, the organisation's OIDC provider. API callers get problem+json
 * for 401 and 403; browsers are sent to the sign-in page.
 */
@Configuration
public class ConsoleSecurity implements WebMvcConfigurer {

    /** Only this site's own scripts, styles and forms; never framed. Swagger UI is left out of it. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
        + "img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    private static final RequestMatcher API = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    PasswordHashing passwordHashing(PasswordEncoder encoder) {
        return encoder::encode;
    }

    @Bean
    SignInThrottle signInThrottle() {
        return new SignInThrottle(Clock.systemUTC());
    }

    @Bean
    SignInOutcomes signInOutcomes(SignInThrottle throttle) {
        return new SignInOutcomes(throttle);
    }

    @Bean
    StoredUsers storedUsers(UserAccounts accounts) {
        return new StoredUsers(accounts);
    }

    @Bean
    SecurityFilterChain consoleFilterChain(HttpSecurity http, ApiTokens tokens, SignInThrottle throttle,
                                           ObjectProvider<ClientRegistrationRepository> oidcProviders, UserAccounts accounts,
                                           AuditChain audit,
                                           @Value("${kioskfleet.oidc.username-claim:preferred_username}") String usernameClaim,
                                           @Value("${kioskfleet.oidc.username-domain:}") String usernameDomain) throws Exception {
        ProblemJsonSecurityResponses problems = new ProblemJsonSecurityResponses();
        http
            .addFilterBefore(new SignInThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
            .addFilterBefore(new ApiTokenAuthentication(tokens, problems), BasicAuthenticationFilter.class)
            .headers(headers -> headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                request -> !request.getRequestURI().startsWith("/swagger-ui"),
                new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY))))
            .authorizeHttpRequests(requests -> requests
                .requestMatchers("/actuator/health", "/actuator/health/**", "/login", "/error", "/css/**", "/webjars/**", "/favicon.ico").permitAll()
                .requestMatchers("/actuator/**").hasRole("FLEET_ADMIN")
                .anyRequest().authenticated())
            .httpBasic(basic -> basic.authenticationEntryPoint(problems))
            .formLogin(form -> form.loginPage("/login").permitAll())
            // Only browsers are sent back to the page they asked for after signing in.
            .requestCache(cache -> cache.requestCache(browserRequestCache()))
            .exceptionHandling(exceptions -> exceptions
                .defaultAuthenticationEntryPointFor(problems, API)
                .defaultAccessDeniedHandlerFor(problems, API))
            .csrf(csrf -> csrf.ignoringRequestMatchers(ConsoleSecurity::isScriptRequest));
        // OIDC sign-in only when spring.security.oauth2.client.registration.* names a provider.
        if (oidcProviders.getIfAvailable() != null) {
            OidcAccounts oidcAccounts = new OidcAccounts(accounts, audit, new AccountNaming(usernameClaim, usernameDomain));
            http.oauth2Login(oidc -> oidc.loginPage("/login")
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcAccounts).userService(ConsoleSecurity::refusePlainOAuth2))
                .failureHandler(ConsoleSecurity::oidcFailed));
        }
        return http.build();
    }

    /**
     * Whether a request may change state without the session's CSRF token. CSRF rides on
     * credentials a browser adds by itself: a session cookie, or a remembered Basic password.
     * So a request that a browser marks as coming from another site ({@code Sec-Fetch-Site})
     * always needs the token; otherwise a request without a session cookie (a script, or
     * nobody signed in, who then gets a plain 401) does not, nor does one that signs itself with
     * an Authorization header.
     */
    static boolean isScriptRequest(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return false;
        }
        return request.getRequestedSessionId() == null || request.getHeader("Authorization") != null;
    }

    /** Only OpenID Connect proves who someone is; a registration without the {@code openid} scope signs nobody in. */
    private static OAuth2User refusePlainOAuth2(OAuth2UserRequest request) {
        throw new OAuth2AuthenticationException(new OAuth2Error("kioskfleet_not_oidc",
            "Registration '" + request.getClientRegistration().getRegistrationId() + "' needs the openid scope", null));
    }

    /** Back to the sign-in page, saying whether KioskFleet refused the person or the provider failed. */
    private static void oidcFailed(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
        throws IOException {
        boolean refused = failure instanceof OAuth2AuthenticationException oauth
            && OidcAccounts.NO_ACCOUNT.equals(oauth.getError().getErrorCode());
        response.sendRedirect(request.getContextPath() + (refused ? "/login?refused" : "/login?oidc-failed"));
    }

    private static HttpSessionRequestCache browserRequestCache() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        // Only pages a person navigated to; not the favicon, scripts or API calls.
        cache.setRequestMatcher(request -> !API.matches(request) && "GET".equals(request.getMethod())
            && String.valueOf(request.getHeader("Accept")).contains("text/html"));
        return cache;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CurrentActor());
    }
}
