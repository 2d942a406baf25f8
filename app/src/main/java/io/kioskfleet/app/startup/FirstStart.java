package io.kioskfleet.app.startup;

import io.kioskfleet.app.KioskFleetProperties;
import io.kioskfleet.core.audit.AuditChain;
import io.kioskfleet.core.demo.DemoFleet;
import io.kioskfleet.core.demo.DemoOrganisation;
import io.kioskfleet.core.demo.DemoWorkplace;
import io.kioskfleet.core.store.FleetStore;
import io.kioskfleet.core.users.UserAccounts;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * What the service does once it is up: finish recording changes an earlier stop interrupted,
 * make sure an admin can sign in, seed the demo organisation when asked (with the file its
 * simulated fleet starts from), and say where the data is.
 */
@Component
public class FirstStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

    private final UserAccounts accounts;
    private final DemoOrganisation demo;
    private final DemoWorkplace workplace;
    private final FleetStore store;
    private final KioskFleetProperties properties;
    private final AuditChain audit;

    public FirstStart(UserAccounts accounts, DemoOrganisation demo, DemoWorkplace workplace, FleetStore store,
                      KioskFleetProperties properties, AuditChain audit) {
        this.audit = audit;
        this.accounts = accounts;
        this.demo = demo;
        this.workplace = workplace;
        this.store = store;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        int recovered = audit.completeInterruptedChanges();
        if (recovered > 0) {
            log.warn("Recorded {} change(s) in the audit chain that an earlier stop interrupted", recovered);
        }
        accounts.ensureFirstAdmin(properties.adminPassword()).ifPresent(password -> log.warn(
            "Created user '{}' with password: {}  (shown only now; set KIOSKFLEET_ADMIN_PASSWORD to choose it)",
            UserAccounts.FIRST_ADMIN, password));
        if (properties.demo() || args.containsOption("demo")) {
            Optional<DemoFleet> fleet = demo.seedIfEmpty();
            if (fleet.isPresent()) {
                workplace.seed();
                log.info("Seeded the demo organisation (a city hall, five branch offices, their laptops, a guest policy, "
                    + "the noon and evening logout-and-wipe with its sweeps, and a free-address floor)");
                Path file = new DemoFleetFile(properties.dataDir()).write(fleet.get());
                log.info("Wrote what the demo fleet simulator needs to {}", file);
            } else {
                log.info("Demo data not seeded: the store already holds an organisation");
            }
        }
        log.info("KioskFleet is ready. Store: {}", store.description());
    }
}
