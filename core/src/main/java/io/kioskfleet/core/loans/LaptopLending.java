package io.kioskfleet.core.loans;

import com.mongodb.MongoException;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.access.Role;
import io.kioskfleet.core.audit.AuditChain;
import io.kioskfleet.core.audit.Change;
import io.kioskfleet.core.desks.DeskCatalogue;
import io.kioskfleet.core.desks.Site;
import io.kioskfleet.core.devices.Device;
import io.kioskfleet.core.devices.DeviceRegistry;
import io.kioskfleet.core.input.InputCheck;
import io.kioskfleet.core.ous.OrganisationUnits;
import io.kioskfleet.core.sessions.Session;
import io.kioskfleet.core.sessions.SessionLedger;
import io.kioskfleet.core.sessions.SessionStartListener;
import io.kioskfleet.core.store.ConflictException;
import io.kioskfleet.core.store.DuplicateKeys;
import io.kioskfleet.core.store.IdKind;
import io.kioskfleet.core.store.NotFoundException;
import io.kioskfleet.protocol.sessions.SessionState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lending shared laptops from a site's pool: admins (fleet admins everywhere, branch admins and
 * helpdesk at their units' sites) add laptops to a pool, hand them out and take them back; staff
 * see what they borrowed. A laptop goes out only when its last session's wipe is VERIFIED, so the
 * next borrower can never find the previous one's data. Every change is audited.
 */
public final class LaptopLending implements SessionStartListener {

    private static final Logger log = LoggerFactory.getLogger(LaptopLending.class);

    /** The longest a laptop may be lent for in one loan. */
    static final Duration MAX_LOAN = Duration.ofDays(31);
    private static final Role[] LENDERS = {Role.FLEET_ADMIN, Role.BRANCH_ADMIN, Role.HELPDESK};

    private final LoanRepository repository;
    private final DeskCatalogue desks;
    private final DeviceRegistry devices;
    private final SessionLedger sessions;
    private final OrganisationUnits units;
    private final AuditChain audit;
    private final Clock clock;
    private final ZoneId zone;

    public LaptopLending(LoanRepository repository, DeskCatalogue desks, DeviceRegistry devices, SessionLedger sessions,
                         OrganisationUnits units, AuditChain audit, Clock clock, ZoneId zone) {
        this.repository = repository;
        this.desks = desks;
        this.devices = devices;
        this.sessions = sessions;
        this.units = units;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
    }

    /** Puts a device of the site's unit (or a unit below it) into the site's pool. */
    public PoolLaptop addToPool(Actor actor, String siteId, String deviceId) {
        actor.requireAny(Role.FLEET_ADMIN, Role.BRANCH_ADMIN);
        Site site = desks.site(actor, siteId);
        units.requireInScope(actor, site.ouId());
        Device device = devices.get(actor, deviceId);
        if (!units.subtreeOf(site.ouId()).contains(device.ouId())) {
            throw new ConflictException("device-of-another-unit", "device " + deviceId + " belongs to another unit than site "
                + site.name() + "; move it first");
        }
        String label = device.assetTag() != null ? device.assetTag() : device.serial();
        PoolLaptop laptop = new PoolLaptop(device.id(), site.id(), site.ouId(), label, null, null, null, 1);
        try {
            audit.record(actor, Change.created("pool.add", LoanRepository.POOL, "pool-laptop", device.id(), 1, laptop),
                () -> repository.insert(laptop));
        } catch (MongoException e) {
            if (DuplicateKeys.isDuplicateKey(e)) {
                throw new ConflictException("already-pooled", "device " + deviceId + " is already in a pool");
            }
            throw e;
        }
        return laptop;
    }

    /** Takes a laptop that is in (not out) out of its pool. */
    public void removeFromPool(Actor actor, String deviceId) {
        PoolLaptop laptop = managed(actor, deviceId);
        if (laptop.out()) {
            throw new ConflictException("laptop-out", "laptop " + laptop.label() + " is lent out; take it back first");
        }
        audit.record(actor, Change.removed("pool.remove", LoanRepository.POOL, "pool-laptop", deviceId, laptop.version(), laptop),
            () -> repository.delete(laptop));
    }

    /** The laptops of a site's pool (or of every site in scope when siteId is null), by label. */
    public List<PoolLaptop> pool(Actor actor, String siteId) {
        actor.requireAny(Role.FLEET_ADMIN, Role.BRANCH_ADMIN, Role.HELPDESK, Role.AUDITOR);
        var scope = units.scopeOf(actor);
        return repository.all().stream()
            .filter(laptop -> scope.contains(laptop.ouId()) && (siteId == null || siteId.equals(laptop.siteId())))
            .sorted(Comparator.comparing(PoolLaptop::label)).toList();
    }

    /**
     * Hands a pooled laptop out.
     *
     * @throws WipeNotVerifiedException when its last session's wipe is not VERIFIED
     * @throws ConflictException        {@code laptop-out} when it is already lent
     */
    public Loan checkout(Actor actor, CheckoutRequest request) {
        Instant now = clock.instant();
        InputCheck check = new InputCheck();
        check.require(request.deviceId() != null && !request.deviceId().isBlank(), "deviceId", "is required");
        check.require(request.borrower() != null || request.deskId() != null, "borrower", "name a borrower or a desk");
        check.require(request.borrower() == null || (!request.borrower().isBlank() && request.borrower().length() <= 100),
            "borrower", "must be 1 to 100 characters");
        check.require(request.dueAt() == null || request.dueAt().isAfter(now), "dueAt", "must be in the future");
        check.require(request.dueAt() == null || !request.dueAt().isAfter(now.plus(MAX_LOAN)), "dueAt",
            "must be at most " + MAX_LOAN.toDays() + " days ahead");
        check.orThrow();
        PoolLaptop laptop = managed(actor, request.deviceId());
        if (request.deskId() != null && !desks.desk(actor, request.deskId()).siteId().equals(laptop.siteId())) {
            throw new io.kioskfleet.core.input.InvalidInputException("deskId", "is not a desk of the laptop's site");
        }
        if (laptop.out()) {
            throw new ConflictException("laptop-out", "laptop " + laptop.label() + " is already lent to "
                + whoHas(laptop.loan()) + " until " + laptop.loan().dueAt());
        }
        requireVerifiedWipe(actor, laptop);
        Instant due = request.dueAt() != null ? request.dueAt()
            : LocalDate.ofInstant(now, zone).atTime(20, 0).atZone(zone).toInstant();
        Loan loan = new Loan(IdKind.LOAN.newId(), laptop.deviceId(), laptop.siteId(), laptop.ouId(),
            request.borrower() == null ? null : request.borrower().strip(), request.deskId(), now, actor.username(),
            due.isAfter(now) ? due : now.plus(Duration.ofHours(1)), null, null, 1);
        PoolLaptop lent = laptop.lent(loan);
        audit.record(actor, Change.changed("loan.checkout", LoanRepository.POOL, "pool-laptop", laptop.deviceId(),
            lent.version(), laptop, lent), () -> repository.replace(lent, laptop.version()));
        return loan;
    }

    /**
     * Takes a laptop back. It may come back with an unverified wipe (the answer says so); it just
     * cannot go out again until the wipe is verified.
     *
     * @throws ConflictException {@code laptop-not-out} when it is not lent
     */
    public ReturnReceipt giveBack(Actor actor, String deviceId) {
        PoolLaptop laptop = managed(actor, deviceId);
        if (!laptop.out()) {
            throw new ConflictException("laptop-not-out", "laptop " + laptop.label() + " is not lent out; there is nothing to return");
        }
        Loan returned = laptop.loan().returned(clock.instant(), actor.username());
        PoolLaptop back = laptop.back();
        audit.record(actor, Change.changed("loan.return", LoanRepository.POOL, "pool-laptop", deviceId, back.version(), laptop,
            back), () -> {
                // History first: a crash after it leaves the laptop out, and returning again stores the same loan again.
                repository.keep(returned);
                repository.replace(back, laptop.version());
            });
        String state = lastSessionState(actor, laptop);
        return new ReturnReceipt(returned, laptop.lastSessionId(), state,
            laptop.lastSessionId() == null || SessionState.VERIFIED.name().equals(state));
    }

    /** The open loans in the actor's scope that are past due at now, longest overdue first. */
    public List<Loan> overdue(Actor actor) {
        Instant now = clock.instant();
        return pool(actor, null).stream().filter(PoolLaptop::out).map(PoolLaptop::loan)
            .filter(loan -> loan.overdueAt(now)).sorted(Comparator.comparing(Loan::dueAt)).toList();
    }

    /** The open loans in the actor's scope, soonest due first. */
    public List<Loan> open(Actor actor) {
        return pool(actor, null).stream().filter(PoolLaptop::out).map(PoolLaptop::loan)
            .sorted(Comparator.comparing(Loan::dueAt)).toList();
    }

    /** What the caller has borrowed and not yet returned. */
    public List<Loan> mine(Actor actor) {
        actor.requireAny(Role.values());
        return repository.all().stream().filter(PoolLaptop::out).map(PoolLaptop::loan)
            .filter(loan -> actor.username().equals(loan.borrower())).sorted(Comparator.comparing(Loan::dueAt)).toList();
    }

    /** Remembers each pooled laptop's newest session, so a check-out knows which wipe to ask for. */
    @Override
    public void started(Session session) {
        try {
            repository.noteSession(session.deviceId(), session.id(), session.startedAt());
        } catch (MongoException e) {
            // The device's session is recorded either way; without this note the pool asks for an older session's wipe.
            log.warn("Could not note session {} of pooled laptop {}: {}", session.id(), session.deviceId(), e.getMessage());
        }
    }

    private void requireVerifiedWipe(Actor actor, PoolLaptop laptop) {
        if (laptop.lastSessionId() == null) {
            return;
        }
        String state = lastSessionState(actor, laptop);
        if (!SessionState.VERIFIED.name().equals(state)) {
            throw new WipeNotVerifiedException(laptop.deviceId(), laptop.lastSessionId(), state);
        }
    }

    private String lastSessionState(Actor actor, PoolLaptop laptop) {
        if (laptop.lastSessionId() == null) {
            return null;
        }
        try {
            return sessions.get(actor, laptop.lastSessionId()).session().state().name();
        } catch (NotFoundException e) {
            return "UNKNOWN";
        }
    }

    private PoolLaptop managed(Actor actor, String deviceId) {
        actor.requireAny(LENDERS);
        PoolLaptop laptop = repository.find(deviceId).orElseThrow(() -> new NotFoundException("pool laptop", deviceId));
        if (!units.scopeOf(actor).contains(laptop.ouId())) {
            throw new NotFoundException("pool laptop", deviceId);
        }
        return laptop;
    }

    private static String whoHas(Loan loan) {
        return loan.borrower() != null ? loan.borrower() : "desk " + loan.deskId();
    }
}
