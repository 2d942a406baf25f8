package io.kioskfleet.app;

import io.kioskfleet.core.audit.AuditChain;
import io.kioskfleet.core.changes.ChangeNotices;
import io.kioskfleet.core.demo.DemoOrganisation;
import io.kioskfleet.core.enrollment.EnrollmentTokens;
import io.kioskfleet.core.devices.DeviceRegistry;
import io.kioskfleet.core.devices.DeviceRepository;
import io.kioskfleet.core.ous.OrganisationUnits;
import io.kioskfleet.core.ous.OuRepository;
import io.kioskfleet.core.policies.DeviceExceptionRepository;
import io.kioskfleet.core.policies.DeviceExceptions;
import io.kioskfleet.core.policies.EffectivePolicies;
import io.kioskfleet.core.policies.PolicyAttachmentRepository;
import io.kioskfleet.core.policies.PolicyAttachments;
import io.kioskfleet.core.policies.PolicyLibrary;
import io.kioskfleet.core.policies.PolicyRepository;
import io.kioskfleet.core.policies.PolicyVersionRepository;
import io.kioskfleet.core.policies.PublishDryRun;
import io.kioskfleet.core.policies.PublishedPolicies;
import io.kioskfleet.core.store.DeclaresIndexes;
import io.kioskfleet.core.store.FleetStore;
import io.kioskfleet.core.store.IndexBootstrap;
import io.kioskfleet.core.store.StoreClock;
import io.kioskfleet.core.users.ApiTokens;
import io.kioskfleet.core.overview.FleetOverview;
import io.kioskfleet.core.tickets.Tickets;
import io.kioskfleet.core.timeline.DeviceTimeline;
import io.kioskfleet.core.faults.DeviceFaults;
import io.kioskfleet.core.commands.DeviceCommands;
import io.kioskfleet.core.sessions.SessionLedger;
import io.kioskfleet.core.sessions.SessionTallies;
import io.kioskfleet.core.tickets.TicketRepository;
import io.kioskfleet.core.checkin.PresenceRepository;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import io.kioskfleet.core.users.PasswordHashing;
import io.kioskfleet.core.users.UserAccounts;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the plain {@code core} services; they know nothing of Spring. */
@Configuration
public class CoreConfiguration {

    @Bean
    Clock clock() {
        return StoreClock.system();
    }

    @Bean
    AuditChain auditChain(FleetStore store, Clock clock) {
        return new AuditChain(store, clock);
    }

    @Bean
    OuRepository ouRepository(FleetStore store) {
        return new OuRepository(store);
    }

    @Bean
    DeviceRepository deviceRepository(FleetStore store) {
        return new DeviceRepository(store);
    }

    @Bean
    OrganisationUnits organisationUnits(OuRepository repository, DeviceRepository devices, AuditChain audit, Clock clock) {
        return new OrganisationUnits(repository, devices, audit, clock);
    }

    @Bean
    DeviceRegistry deviceRegistry(DeviceRepository repository, OrganisationUnits units, AuditChain audit, Clock clock) {
        return new DeviceRegistry(repository, units, audit, clock);
    }

    @Bean
    UserAccounts userAccounts(FleetStore store, PasswordHashing hashing, OrganisationUnits units, AuditChain audit,
                              Clock clock) {
        return new UserAccounts(store, hashing, units, audit, clock);
    }

    @Bean
    ApiTokens apiTokens(FleetStore store, UserAccounts accounts, AuditChain audit, Clock clock) {
        return new ApiTokens(store, accounts, audit, clock);
    }

    @Bean
    FleetOverview fleetOverview(DeviceRegistry devices, PresenceRepository presence, OrganisationUnits units,
                                SessionTallies sessions, TicketRepository tickets, Clock clock,
                                @Value("${kioskfleet.online-window:15m}") Duration onlineWindow) {
        return new FleetOverview(devices, presence, units, sessions, tickets, clock, onlineWindow);
    }

    @Bean
    DeviceTimeline deviceTimeline(DeviceRegistry devices, AuditChain audit, DeviceCommands commands, SessionLedger sessions,
                                  DeviceFaults faults, PresenceRepository presence, Tickets tickets, Clock clock) {
        return new DeviceTimeline(devices, audit, commands, sessions, faults, presence, tickets, clock);
    }

    @Bean
    DeviceFaults deviceFaults(FleetStore store, DeviceRegistry devices, Clock clock) {
        return new DeviceFaults(store, devices, clock);
    }

    @Bean
    DemoOrganisation demoOrganisation(OrganisationUnits units, DeviceRegistry devices, PolicyLibrary policies,
                                      PolicyAttachments attachments, EnrollmentTokens enrollmentTokens) {
        return new DemoOrganisation(units, devices, policies, attachments, enrollmentTokens);
    }

    @Bean
    PolicyRepository policyRepository(FleetStore store) {
        return new PolicyRepository(store);
    }

    @Bean
    PolicyVersionRepository policyVersionRepository(FleetStore store) {
        return new PolicyVersionRepository(store);
    }

    @Bean
    PolicyAttachmentRepository policyAttachmentRepository(FleetStore store) {
        return new PolicyAttachmentRepository(store);
    }

    @Bean
    DeviceExceptionRepository deviceExceptionRepository(FleetStore store) {
        return new DeviceExceptionRepository(store);
    }

    @Bean
    PublishedPolicies publishedPolicies(PolicyRepository policies, PolicyVersionRepository versions) {
        return new PublishedPolicies(policies, versions);
    }

    @Bean
    EffectivePolicies effectivePolicies(OrganisationUnits units, DeviceRegistry devices, PolicyAttachmentRepository attachments,
                                        PublishedPolicies published, DeviceExceptionRepository exceptions,
                                        ChangeNotices notices, Clock clock) {
        return new EffectivePolicies(units, devices, attachments, published, exceptions, notices, clock);
    }

    @Bean
    PolicyLibrary policyLibrary(PolicyRepository policies, PolicyVersionRepository versions, PublishedPolicies published,
                                EffectivePolicies effective, AuditChain audit, Clock clock) {
        return new PolicyLibrary(policies, versions, published, effective, audit, clock);
    }

    @Bean
    PolicyAttachments policyAttachments(PolicyAttachmentRepository attachments, PolicyRepository policies,
                                        PublishedPolicies published, EffectivePolicies effective, OrganisationUnits units,
                                        AuditChain audit, Clock clock) {
        return new PolicyAttachments(attachments, policies, published, effective, units, audit, clock);
    }

    @Bean
    DeviceExceptions deviceExceptions(DeviceExceptionRepository exceptions, DeviceRegistry devices, OrganisationUnits units,
                                      EffectivePolicies effective, AuditChain audit, Clock clock) {
        return new DeviceExceptions(exceptions, devices, units, effective, audit, clock);
    }

    @Bean
    PublishDryRun publishDryRun(PolicyLibrary library, EffectivePolicies effective, PublishedPolicies published,
                                DeviceRegistry devices, Clock clock) {
        return new PublishDryRun(library, effective, published, devices, clock);
    }

    /** Creates every repository's indexes once all are wired, before the first request. */
    @Bean
    SmartInitializingSingleton indexBootstrap(FleetStore store, List<DeclaresIndexes> repositories) {
        return () -> new IndexBootstrap(store).createAll(repositories);
    }
}
