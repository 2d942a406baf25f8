package io.kioskfleet.app.agent;

import io.kioskfleet.agentapi.auth.DeviceRateLimit;
import io.kioskfleet.core.audit.AuditChain;
import io.kioskfleet.core.changes.ChangeNotices;
import io.kioskfleet.core.checkin.CheckInInterval;
import io.kioskfleet.core.checkin.CheckIns;
import io.kioskfleet.core.checkin.PresenceRepository;
import io.kioskfleet.core.checkin.PresenceWriter;
import io.kioskfleet.core.commands.CommandDelivery;
import io.kioskfleet.core.commands.CommandInbox;
import io.kioskfleet.core.commands.CommandRepository;
import io.kioskfleet.core.commands.DeviceCommands;
import io.kioskfleet.core.commands.LostDeviceContacts;
import io.kioskfleet.core.deviceauth.DeviceAuthentication;
import io.kioskfleet.core.deviceauth.DeviceCredentialCache;
import io.kioskfleet.core.deviceauth.NonceLedger;
import io.kioskfleet.core.deviceauth.NonceMode;
import io.kioskfleet.core.deviceauth.PerRequestNonceLedger;
import io.kioskfleet.core.deviceauth.WriteBehindNonceLedger;
import io.kioskfleet.core.devices.DeviceRegistry;
import io.kioskfleet.core.enrollment.DeviceEnrollment;
import io.kioskfleet.core.enrollment.EnrollmentTokenRepository;
import io.kioskfleet.core.enrollment.EnrollmentTokens;
import io.kioskfleet.core.ous.OrganisationUnits;
import io.kioskfleet.core.policies.EffectivePolicies;
import io.kioskfleet.core.store.FleetStore;
import java.time.Clock;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the core services of the device protocol: enrollment, device authentication, check-in and commands. */
@Configuration
@EnableConfigurationProperties(DeviceProtocolProperties.class)
public class DeviceProtocolConfiguration {

    @Bean
    EnrollmentTokenRepository enrollmentTokenRepository(FleetStore store) {
        return new EnrollmentTokenRepository(store);
    }

    @Bean
    EnrollmentTokens enrollmentTokens(EnrollmentTokenRepository tokens, OrganisationUnits units, AuditChain audit,
                                      Clock clock) {
        return new EnrollmentTokens(tokens, units, audit, clock);
    }

    @Bean
    DeviceEnrollment deviceEnrollment(EnrollmentTokenRepository tokens, DeviceRegistry devices, OrganisationUnits units,
                                      Clock clock) {
        return new DeviceEnrollment(tokens, devices, units, clock);
    }

    @Bean
    DeviceCredentialCache deviceCredentialCache(DeviceRegistry devices, ChangeNotices notices, Clock clock) {
        return new DeviceCredentialCache(devices, notices, clock);
    }

    /** Fills the key cache in the background once the service is up, so check-ins after a restart read no store. */
    @Bean
    ApplicationRunner deviceCredentialsAtStart(DeviceCredentialCache credentials) {
        return args -> {
            Thread loader = new Thread(credentials::loadAll, "load-device-credentials");
            loader.setDaemon(true);
            loader.start();
        };
    }

    /** Write-behind where this is the only instance (the embedded store), else each nonce stored before its request goes on. */
    @Bean(destroyMethod = "close")
    NonceLedger nonceLedger(FleetStore store, DeviceProtocolProperties settings, Clock clock) {
        NonceMode mode = settings.nonces() != null ? settings.nonces() : NonceMode.defaultFor(store);
        return switch (mode) {
            case WRITE_BEHIND -> new WriteBehindNonceLedger(store, clock, settings.nonceWriteInterval());
            case PER_REQUEST -> new PerRequestNonceLedger(store, clock);
        };
    }

    @Bean
    DeviceAuthentication deviceAuthentication(DeviceCredentialCache credentials, NonceLedger nonces, Clock clock) {
        return new DeviceAuthentication(credentials, nonces, clock);
    }

    @Bean
    PresenceRepository presenceRepository(FleetStore store) {
        return new PresenceRepository(store);
    }

    @Bean(destroyMethod = "close")
    PresenceWriter presenceWriter(PresenceRepository presence, DeviceProtocolProperties settings, Clock clock) {
        return new PresenceWriter(presence, settings.presenceFlush(), settings.presenceUnchangedWrite(), clock);
    }

    @Bean
    CheckIns checkIns(EffectivePolicies policies, PresenceWriter presence, CommandDelivery commands,
                      LostDeviceContacts lostContacts, DeviceProtocolProperties settings, Clock clock) {
        return new CheckIns(policies, presence, commands, lostContacts,
            new CheckInInterval(settings.checkInInterval(), settings.checkInSpread()), clock);
    }

    @Bean
    CommandRepository commandRepository(FleetStore store) {
        return new CommandRepository(store);
    }

    @Bean(destroyMethod = "close")
    CommandInbox commandInbox(FleetStore store, ChangeNotices notices, DeviceProtocolProperties settings) {
        return new CommandInbox(store, notices, settings.pendingCommandsRefresh());
    }

    @Bean
    LostDeviceContacts lostDeviceContacts(FleetStore store, DeviceRegistry devices, Clock clock) {
        return new LostDeviceContacts(store, devices, clock);
    }

    @Bean
    DeviceCommands deviceCommands(CommandRepository commands, CommandInbox inbox, DeviceRegistry devices,
                                  OrganisationUnits units, AuditChain audit, Clock clock) {
        return new DeviceCommands(commands, inbox, devices, units, audit, clock);
    }

    @Bean
    CommandDelivery commandDelivery(CommandRepository commands, CommandInbox inbox, DeviceRegistry devices, Clock clock) {
        return new CommandDelivery(commands, inbox, devices, clock);
    }

    @Bean
    DeviceRateLimit deviceRateLimit(DeviceProtocolProperties settings) {
        return new DeviceRateLimit(settings.rateLimitBurst(), settings.rateLimitPerMinute());
    }
}
