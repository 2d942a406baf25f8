package io.kioskfleet.app.evidence;

import io.kioskfleet.app.KioskFleetProperties;
import io.kioskfleet.core.audit.AuditChain;
import io.kioskfleet.core.checkin.PresenceRepository;
import io.kioskfleet.core.devices.DeviceRegistry;
import io.kioskfleet.core.evidence.EvidenceExports;
import io.kioskfleet.core.evidence.EvidenceReports;
import io.kioskfleet.core.evidence.EvidenceSettings;
import io.kioskfleet.core.evidence.EvidenceSigningKey;
import io.kioskfleet.core.evidence.ScheduledReports;
import io.kioskfleet.core.store.FleetStore;
import io.kioskfleet.core.ous.OrganisationUnits;
import io.kioskfleet.core.sessions.SessionRepository;
import io.kioskfleet.core.sessions.WipeAttestations;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the auditors' evidence: reports, exports and the server's signing key in the data directory. */
@Configuration
public class EvidenceConfiguration {

    @Bean
    EvidenceReports evidenceReports(SessionRepository sessions, WipeAttestations attestations, DeviceRegistry devices,
                                    OrganisationUnits units, PresenceRepository presence, AuditChain audit, Clock clock,
                                    KioskFleetProperties properties) {
        EvidenceSettings defaults = EvidenceSettings.DEFAULT;
        return new EvidenceReports(sessions, attestations, devices, units, presence, audit, clock,
            new EvidenceSettings(properties.timeZone(), defaults.lateAfter(), defaults.offlineAfter()));
    }

    @Bean
    EvidenceExports evidenceExports(EvidenceReports reports, AuditChain audit, KioskFleetProperties properties) {
        return new EvidenceExports(reports, audit, EvidenceSigningKey.inDirectory(properties.dataDir()));
    }

    @Bean
    ScheduledReports scheduledReports(EvidenceExports exports, EvidenceReports reports, FleetStore store, Clock clock) {
        return new ScheduledReports(exports, reports, store, clock);
    }
}
