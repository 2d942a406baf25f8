package io.kioskfleet.app;

import io.kioskfleet.core.audit.AuditChain;
import io.kioskfleet.core.demo.DemoOrganisation;
import io.kioskfleet.core.devices.DeviceRegistry;
import io.kioskfleet.core.devices.DeviceRepository;
import io.kioskfleet.core.ous.OrganisationUnits;
import io.kioskfleet.core.ous.OuRepository;
import io.kioskfleet.core.store.DeclaresIndexes;
import io.kioskfleet.core.store.FleetStore;
import io.kioskfleet.core.store.IndexBootstrap;
import io.kioskfleet.core.store.StoreClock;
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
    UserAccounts userAccounts(FleetStore store, PasswordHashing hashing, AuditChain audit, Clock clock) {
        return new UserAccounts(store, hashing, audit, clock);
    }

    @Bean
    DemoOrganisation demoOrganisation(OrganisationUnits units, DeviceRegistry devices) {
        return new DemoOrganisation(units, devices);
    }

    /** Creates every repository's indexes once all are wired, before the first request. */
    @Bean
    SmartInitializingSingleton indexBootstrap(FleetStore store, List<DeclaresIndexes> repositories) {
        return () -> new IndexBootstrap(store).createAll(repositories);
    }
}
