package io.kioskfleet.agentapi;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Keeps the device API off the generic per-request metrics. Devices call {@code /agent/v1} thousands
 * of times a second, and a timer per request (its tags built from the path, status and outcome),
 * plus one per security filter, cost more CPU than the check-in's own work; the device API's
 * figures come from its own counters and the benchmark instead. Console and API requests are still
 * observed as before.
 */
@Configuration
public class AgentApiObservations {

    /** Every path of the device API starts so. */
    static final String AGENT_PATHS = "/agent/";

    /** No {@code http.server.requests} observation for a device API request. */
    @Bean
    ObservationPredicate noHttpObservationOfDeviceRequests() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
            && request.getCarrier() != null && request.getCarrier().getRequestURI().startsWith(AGENT_PATHS));
    }

    /**
     * No observation of each request's passage through the security filters (for any path: the
     * setting is global); sign-ins and access decisions are still observed.
     */
    @Bean
    SecurityObservationSettings securityObservationsWithoutFilterChains() {
        return SecurityObservationSettings.withDefaults().shouldObserveRequests(false).build();
    }
}
