package io.kioskfleet.core;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.access.Role;
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
import io.kioskfleet.core.commands.OverdueCommands;
import io.kioskfleet.core.commands.RunCommands;
import io.kioskfleet.core.deviceauth.DeviceAuthentication;
import io.kioskfleet.core.deviceauth.DeviceCredentialCache;
import io.kioskfleet.core.deviceauth.NonceLedger;
import io.kioskfleet.core.deviceauth.NonceMode;
import io.kioskfleet.core.deviceauth.PerRequestNonceLedger;
import io.kioskfleet.core.deviceauth.WriteBehindNonceLedger;
import io.kioskfleet.core.devices.DeviceRegistry;
import io.kioskfleet.core.devices.DeviceRepository;
import io.kioskfleet.core.enrollment.DeviceEnrollment;
import io.kioskfleet.core.enrollment.EnrollmentTokenRepository;
import io.kioskfleet.core.enrollment.EnrollmentTokens;
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
import io.kioskfleet.core.sessions.SessionEvents;
import io.kioskfleet.core.sessions.SessionLedger;
import io.kioskfleet.core.sessions.SessionRepository;
import io.kioskfleet.core.sessions.SessionTallies;
import io.kioskfleet.core.sessions.WipeAttestations;
import io.kioskfleet.core.store.DeclaresIndexes;
import io.kioskfleet.core.store.FleetStore;
import io.kioskfleet.core.store.IndexBootstrap;
import io.kioskfleet.core.store.StoreClock;
import io.kioskfleet.core.store.StoreSettings;
import io.kioskfleet.core.users.UserAccounts;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The core services wired on a real embedded store in a directory, as the application wires
 * them, for tests that want the real thing rather than mocks.
 */
public record CoreFixture(FleetStore store, AuditChain audit, OrganisationUnits units, DeviceRegistry devices,
                          UserAccounts users, Policies policies, Commands commands, DeviceProtocol protocol,
                          Sessions sessions, ChangeNotices notices, Clock clock, boolean ownsStore)
    implements AutoCloseable {

    /** A fleet admin calling from a test. */
    public static final Actor ADMIN = new Actor("test-admin", Set.of(Role.FLEET_ADMIN), Set.of(), "127.0.0.1");

    /**
     * Set this environment variable to a MongoDB connection string (without a database name) to
     * run every core test against that MongoDB instead of the embedded store.
     */
    public static final String MONGODB_URI_VARIABLE = "KIOSKFLEET_TEST_MONGODB_URI";

    /** The store a test uses: the embedded one in {@code dataDir}, or a database of its own on a real MongoDB. */
    public static StoreSettings settingsFor(Path dataDir) {
        String uri = System.getenv(MONGODB_URI_VARIABLE);
        if (uri == null || uri.isBlank()) {
            return new StoreSettings("", dataDir, "kioskfleet", Duration.ofSeconds(5));
        }
        // One database per test directory, so reopening the same directory finds the same data.
        String database = "kf_test_" + Integer.toHexString(dataDir.toAbsolutePath().toString().hashCode());
        return new StoreSettings(uri, dataDir, database, Duration.ofSeconds(10));
    }

    /** True when the tests run against a real MongoDB. */
    public static boolean onRealMongoDb() {
        return !settingsFor(Path.of(".")).embedded();
    }

    /** Opens (or reopens) the store in {@code dataDir} and wires the services on it. */
    public static CoreFixture open(Path dataDir) {
        return open(dataDir, StoreClock.system());
    }

    /** The same, with every service reading the time from {@code clock}. */
    public static CoreFixture open(Path dataDir, Clock clock) {
        FleetStore store = FleetStore.open(settingsFor(dataDir));
        return wire(store, clock, true, NonceMode.defaultFor(store));
    }

    /**
     * The same, keeping used nonces as {@code nonces} says rather than as the store's kind would;
     * {@link #anotherInstance()} keeps them the same way.
     */
    public static CoreFixture open(Path dataDir, Clock clock, NonceMode nonces) {
        return wire(FleetStore.open(settingsFor(dataDir)), clock, true, nonces);
    }

    /**
     * The services wired again on the same store, with caches and change notices of their own:
     * a second instance of the service sharing one MongoDB. Its change notices are read only when
     * a test calls {@code notices().poll()}; closing it leaves the store open.
     */
    public CoreFixture anotherInstance() {
        return wire(store, clock, false, protocol.nonceMode());
    }

    private static CoreFixture wire(FleetStore store, Clock clock, boolean ownsStore, NonceMode nonceMode) {
        ChangeNotices notices = new ChangeNotices(store, Duration.ZERO);
        AuditChain audit = new AuditChain(store, clock);
        OuRepository ouRepository = new OuRepository(store);
        DeviceRepository deviceRepository = new DeviceRepository(store);
        OrganisationUnits units = new OrganisationUnits(ouRepository, deviceRepository, audit, clock);
        DeviceRegistry devices = new DeviceRegistry(deviceRepository, units, audit, clock);
        UserAccounts users = new UserAccounts(store, raw -> "plain:" + raw, units, audit, clock);
        Policies policies = Policies.wire(store, units, devices, notices, audit, clock);
        new IndexBootstrap(store).createAll(List.of(audit, ouRepository, deviceRepository, users, notices));
        new IndexBootstrap(store).createAll(policies.repositories());
        Commands commands = Commands.wire(store, units, devices, notices, audit, clock);
        new IndexBootstrap(store).createAll(commands.repositories());
        DeviceProtocol protocol = DeviceProtocol.wire(store, units, devices, policies.effective(), commands, notices, audit,
            clock, nonceMode);
        new IndexBootstrap(store).createAll(protocol.repositories());
        Sessions sessions = Sessions.wire(store, units, devices, policies.effective(), protocol.credentials(), clock);
        return new CoreFixture(store, audit, units, devices, users, policies, commands, protocol, sessions, notices, clock,
            ownsStore);
    }

    /**
     * The device protocol services, wired as the application wires them; presence is written
     * only when a test calls {@code presenceWriter().flush()}, and write-behind nonces only when it
     * calls their {@code flush()} or closes the fixture.
     */
    public record DeviceProtocol(EnrollmentTokens tokens, DeviceEnrollment enrollment,
                                 DeviceAuthentication authentication, DeviceCredentialCache credentials,
                                 NonceMode nonceMode, NonceLedger nonces, CheckIns checkIns, PresenceWriter presenceWriter,
                                 PresenceRepository presence, List<DeclaresIndexes> repositories) {

        static DeviceProtocol wire(FleetStore store, OrganisationUnits units, DeviceRegistry devices,
                                   EffectivePolicies effective, Commands commands, ChangeNotices notices, AuditChain audit,
                                   Clock clock, NonceMode nonceMode) {
            EnrollmentTokenRepository tokenRepository = new EnrollmentTokenRepository(store);
            DeviceCredentialCache credentials = new DeviceCredentialCache(devices, notices, clock);
            NonceLedger nonces = switch (nonceMode) {
                case WRITE_BEHIND -> new WriteBehindNonceLedger(store, clock, Duration.ZERO);
                case PER_REQUEST -> new PerRequestNonceLedger(store, clock);
            };
            PresenceRepository presence = new PresenceRepository(store);
            PresenceWriter writer = new PresenceWriter(presence, Duration.ZERO);
            return new DeviceProtocol(new EnrollmentTokens(tokenRepository, units, audit, clock),
                new DeviceEnrollment(tokenRepository, devices, units, clock),
                new DeviceAuthentication(credentials, nonces, clock), credentials, nonceMode, nonces,
                new CheckIns(effective, writer, commands.delivery(), commands.lostContacts(), CheckInInterval.DEFAULT, clock), writer, presence,
                List.of(tokenRepository, presence));
        }
    }

    /**
     * The command services, wired as the application wires them; the pending-commands flags are
     * reloaded only when a test calls {@code inbox().refresh()}.
     */
    public record Commands(DeviceCommands admin, CommandDelivery delivery, CommandInbox inbox,
                           LostDeviceContacts lostContacts, RunCommands runs, OverdueCommands overdue,
                           List<DeclaresIndexes> repositories) {

        static Commands wire(FleetStore store, OrganisationUnits units, DeviceRegistry devices, ChangeNotices notices,
                             AuditChain audit, Clock clock) {
            CommandRepository repository = new CommandRepository(store);
            CommandInbox inbox = new CommandInbox(store, notices, Duration.ZERO);
            LostDeviceContacts lostContacts = new LostDeviceContacts(store, devices, clock);
            return new Commands(new DeviceCommands(repository, inbox, devices, units, audit, clock),
                new CommandDelivery(repository, inbox, devices, clock), inbox, lostContacts,
                new RunCommands(repository, inbox, clock), new OverdueCommands(repository, inbox, clock),
                List.of(repository, inbox, lostContacts));
        }
    }

    /** The session services, wired as the application wires them. */
    public record Sessions(SessionEvents events, WipeAttestations attestations, SessionLedger ledger, SessionTallies tallies) {

        /** The zone the fixture's session counters count days in, as the service's default. */
        public static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Tokyo");

        static Sessions wire(FleetStore store, OrganisationUnits units, DeviceRegistry devices, EffectivePolicies effective,
                             DeviceCredentialCache credentials, Clock clock) {
            SessionRepository repository = new SessionRepository(store);
            SessionTallies tallies = new SessionTallies(store, clock, ZONE);
            WipeAttestations attestations = new WipeAttestations(repository, credentials, effective, tallies, clock);
            return new Sessions(new SessionEvents(repository, effective, tallies, clock), attestations,
                new SessionLedger(repository, attestations, devices, units), tallies);
        }
    }

    /** The policy services, wired as the application wires them. */
    public record Policies(PolicyLibrary library, PolicyAttachments attachments, DeviceExceptions exceptions,
                           EffectivePolicies effective, PublishDryRun dryRun,
                           List<DeclaresIndexes> repositories) {

        static Policies wire(FleetStore store, OrganisationUnits units, DeviceRegistry devices, ChangeNotices notices,
                             AuditChain audit, Clock clock) {
            PolicyRepository policyRepository = new PolicyRepository(store);
            PolicyVersionRepository versionRepository = new PolicyVersionRepository(store);
            PolicyAttachmentRepository attachmentRepository = new PolicyAttachmentRepository(store);
            DeviceExceptionRepository exceptionRepository = new DeviceExceptionRepository(store);
            PublishedPolicies published = new PublishedPolicies(policyRepository, versionRepository);
            EffectivePolicies effective = new EffectivePolicies(units, devices, attachmentRepository, published,
                exceptionRepository, notices, clock);
            PolicyLibrary library = new PolicyLibrary(policyRepository, versionRepository, published, effective, audit, clock);
            return new Policies(library,
                new PolicyAttachments(attachmentRepository, policyRepository, published, effective, units, audit, clock),
                new DeviceExceptions(exceptionRepository, devices, units, effective, audit, clock), effective,
                new PublishDryRun(library, effective, published, devices, clock),
                List.of(policyRepository, versionRepository, attachmentRepository, exceptionRepository));
        }
    }

    /** A branch admin of {@code ouIds}. */
    public static Actor branchAdminOf(String... ouIds) {
        return new Actor("branch-admin", Set.of(Role.BRANCH_ADMIN), Set.of(ouIds), "127.0.0.1");
    }

    @Override
    public void close() {
        commands.inbox().close();
        protocol.nonces().close();
        if (ownsStore) {
            store.close();
        }
    }
}
