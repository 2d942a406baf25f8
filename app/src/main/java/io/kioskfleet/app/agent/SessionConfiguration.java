package io.kioskfleet.app.agent;

import io.kioskfleet.app.KioskFleetProperties;
import io.kioskfleet.core.deviceauth.DeviceCredentialCache;
import io.kioskfleet.core.devices.DeviceRegistry;
import io.kioskfleet.core.ous.OrganisationUnits;
import io.kioskfleet.core.policies.EffectivePolicies;
import io.kioskfleet.core.sessions.SessionEvents;
import io.kioskfleet.core.sessions.SessionLedger;
import io.kioskfleet.core.sessions.SessionRepository;
import io.kioskfleet.core.sessions.SessionStartListener;
import io.kioskfleet.core.sessions.SessionTallies;
import io.kioskfleet.core.sessions.WipeAttestations;
import io.kioskfleet.core.store.FleetStore;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the session services: the device's session events, wipe attestations, their counters, and the auditors' ledger. */
@Configuration
public class SessionConfiguration {

    @Bean
    SessionRepository sessionRepository(FleetStore store) {
        return new SessionRepository(store);
    }

    @Bean
    SessionTallies sessionTallies(FleetStore store, Clock clock, KioskFleetProperties properties) {
        return new SessionTallies(store, clock, properties.timeZone());
    }

    @Bean
    SessionEvents sessionEvents(SessionRepository sessions, EffectivePolicies policies, SessionTallies tallies, Clock clock,
                                List<SessionStartListener> listeners) {
        // Desk check-in and the laptop pools hear of every new session (each keeps its own failures to itself).
        return new SessionEvents(sessions, policies, tallies, clock,
            session -> listeners.forEach(listener -> listener.started(session)));
    }

    @Bean
    WipeAttestations wipeAttestations(SessionRepository sessions, DeviceCredentialCache credentials,
                                      EffectivePolicies policies, SessionTallies tallies, Clock clock) {
        return new WipeAttestations(sessions, credentials, policies, tallies, clock);
    }

    @Bean
    SessionLedger sessionLedger(SessionRepository sessions, WipeAttestations attestations, DeviceRegistry devices,
                                OrganisationUnits units) {
        return new SessionLedger(sessions, attestations, devices, units);
    }
}
