package io.kioskfleet.console.security;

import io.kioskfleet.core.users.PasswordHashing;
import jakarta.servlet.http.HttpServletRequest;
import io.kioskfleet.core.users.UserAccounts;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who may reach what: {@code /actuator/health} is public, the other actuator endpoints are for
 * fleet admins, everything else needs a signed-in user, by HTTP Basic (scripts) or the sign-in form (browsers). API callers get problem+json
 * for 401 and 403; browsers are sent to the sign-in page.
 */
@Configuration
public class ConsoleSecurity implements WebMvcConfigurer {

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
    StoredUsers storedUsers(UserAccounts accounts) {
        return new StoredUsers(accounts);
    }

    @Bean
    SecurityFilterChain consoleFilterChain(HttpSecurity http) throws Exception {
        ProblemJsonSecurityResponses problems = new ProblemJsonSecurityResponses();
        http
            .authorizeHttpRequests(requests -> requests
                .requestMatchers("/actuator/health", "/actuator/health/**", "/login", "/error").permitAll()
                .requestMatchers("/actuator/**").hasRole("FLEET_ADMIN")
                .anyRequest().authenticated())
            .httpBasic(basic -> basic.authenticationEntryPoint(problems))
            .formLogin(form -> form.permitAll())
            // Only browsers are sent back to the page they asked for after signing in.
            .requestCache(cache -> cache.requestCache(browserRequestCache()))
            .exceptionHandling(exceptions -> exceptions
                .defaultAuthenticationEntryPointFor(problems, API)
                .defaultAccessDeniedHandlerFor(problems, API))
            .csrf(csrf -> csrf.ignoringRequestMatchers(ConsoleSecurity::isScriptRequest));
        return http.build();
    }

    /**
     * A script signs every request with an Authorization header and needs no CSRF token. A
     * browser may also send a remembered Basic password, even on a request another site
     * triggered; browsers mark such requests with {@code Sec-Fetch-Site}, so those still need
     * the token.
     */
    static boolean isScriptRequest(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        boolean fromThisSiteOrNoBrowser = site == null || site.equals("same-origin") || site.equals("none");
        return request.getHeader("Authorization") != null && fromThisSiteOrNoBrowser;
    }

    private static HttpSessionRequestCache browserRequestCache() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(request -> !API.matches(request));
        return cache;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CurrentActor());
    }
}
