package io.kioskfleet.agentapi;

import io.kioskfleet.agentapi.auth.AuthenticatedDeviceArgument;
import io.kioskfleet.agentapi.auth.DeviceRateLimit;
import io.kioskfleet.agentapi.auth.DeviceRequestFilter;
import io.kioskfleet.agentapi.checkin.CheckInEndpoint;
import io.kioskfleet.agentapi.checkin.CheckInExchange;
import io.kioskfleet.core.checkin.CheckIns;
import io.kioskfleet.core.deviceauth.DeviceAuthentication;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Security of the device API {@code /agent/**}: no users, sessions, cookies, CSRF or Basic; a
 * device proves itself by signing each request ({@link DeviceRequestFilter}), and enrollment by
 * its token. This chain comes before the console's, which guards everything else.
 */
@Configuration
public class AgentApiSecurity implements WebMvcConfigurer {

    @Bean
    @Order(1)
    SecurityFilterChain agentFilterChain(HttpSecurity http) throws Exception {
        // No authorization rules: every request passes this chain (each endpoint's own door is its
        // signature or token), so it needs no AuthorizationFilter and the observation that wraps one.
        http.securityMatcher("/agent/**")
            .csrf(csrf -> csrf.disable())
            .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .httpBasic(basic -> basic.disable())
            .formLogin(form -> form.disable())
            .logout(logout -> logout.disable())
            .requestCache(cache -> cache.disable())
            // Devices are never anonymous users nor need the servlet API's user methods: two filters less per request.
            .anonymous(anonymous -> anonymous.disable())
            .servletApi(servletApi -> servletApi.disable())
            // Answers to a machine, never shown in a browser: no frame, XSS or legacy cache headers, which each
            // device would parse on every check-in; kept: nosniff, and one Cache-Control so no cache keeps an answer.
            .headers(headers -> headers.defaultsDisabled()
                .contentTypeOptions(Customizer.withDefaults())
                .addHeaderWriter(new StaticHeadersWriter(HttpHeaders.CACHE_CONTROL, "no-store")));
        return http.build();
    }

    @Bean
    FilterRegistrationBean<DeviceRequestFilter> deviceRequestFilter(DeviceAuthentication authentication,
                                                                    DeviceRateLimit rateLimit,
                                                                    @Qualifier("handlerExceptionResolver")
                                                                    HandlerExceptionResolver problems) {
        FilterRegistrationBean<DeviceRequestFilter> registration =
            new FilterRegistrationBean<>(new DeviceRequestFilter(authentication, rateLimit, problems));
        registration.addUrlPatterns("/agent/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 1);
        return registration;
    }

    @Bean
    CheckInExchange checkInExchange(CheckIns checkIns, JsonMapper json) {
        return new CheckInExchange(checkIns, json);
    }

    /** Devices' check-ins, answered after their signature was checked, outside Spring MVC (see {@link CheckInEndpoint}). */
    @Bean
    FilterRegistrationBean<CheckInEndpoint> checkInEndpoint(CheckInExchange exchange,
                                                            @Qualifier("handlerExceptionResolver")
                                                            HandlerExceptionResolver problems) {
        FilterRegistrationBean<CheckInEndpoint> registration =
            new FilterRegistrationBean<>(new CheckInEndpoint(exchange, problems));
        registration.addUrlPatterns(CheckInEndpoint.PATH);
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        return registration;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new AuthenticatedDeviceArgument());
    }
}
