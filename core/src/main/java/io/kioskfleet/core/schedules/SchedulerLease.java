package io.kioskfleet.core.schedules;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.kioskfleet.core.store.DuplicateKeys;
import io.kioskfleet.core.store.FleetStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The one scheduler lease ({@code scheduler_lease}, one document) that makes exactly one of
 * several instances sharing a store fire schedules. Every change is one conditional write, so
 * two instances can never both take it: a takeover matches only a lapsed lease and raises the
 * fencing token; a renewal matches only the holder with its own token. Work started by a fire
 * checks {@link #isCurrent} (or {@link #admits}) so a deposed holder that still thinks it holds
 * the lease cannot act.
 *
 * <p>Instances compare their own clocks with the stored expiry, so their clocks must agree to
 * well within the lease's time to live (NTP does that).
 */
public final class SchedulerLease {

    /** The lease document's id. */
    public static final String LEASE_ID = "scheduler";

    static final String COLLECTION = "scheduler_lease";

    private final MongoCollection<LeaseState> leases;
    private final Duration timeToLive;
    private final Clock clock;

    /** @param timeToLive how long a lease holds unless renewed (failover takes at most this plus one attempt interval) */
    public SchedulerLease(FleetStore store, Duration timeToLive, Clock clock) {
        if (timeToLive.isNegative() || timeToLive.isZero()) {
            throw new IllegalArgumentException("the lease's time to live must be positive");
        }
        this.leases = store.collection(COLLECTION, LeaseState.class);
        this.timeToLive = timeToLive;
        this.clock = clock;
    }

    /**
     * Takes the lease for {@code holder} if nobody holds it or the holder's lapsed.
     *
     * @return the new fencing token, or empty when someone else holds it
     */
    public OptionalLong take(String holder) {
        Objects.requireNonNull(holder, "holder");
        Instant now = clock.instant();
        LeaseState taken = leases.findOneAndUpdate(and(eq("_id", LEASE_ID), lte("expiresAt", now)),
            Updates.combine(Updates.set("holder", holder), Updates.inc("token", 1L),
                Updates.set("expiresAt", now.plus(timeToLive)), Updates.set("takenAt", now), Updates.set("renewedAt", now)),
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (taken != null) {
            return OptionalLong.of(taken.token());
        }
        try {
            leases.insertOne(new LeaseState(LEASE_ID, holder, 1, now.plus(timeToLive), now, now));
            return OptionalLong.of(1);
        } catch (MongoException e) {
            if (DuplicateKeys.isDuplicateKey(e)) {
                return OptionalLong.empty();
            }
            throw e;
        }
    }

    /**
     * Extends the lease of {@code holder} holding {@code token}.
     *
     * @return the new expiry, or empty when the lease was taken over (the holder must stop firing)
     */
    public Optional<Instant> renew(String holder, long token) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(timeToLive);
        LeaseState renewed = leases.findOneAndUpdate(
            and(eq("_id", LEASE_ID), eq("holder", holder), eq("token", token)),
            Updates.combine(Updates.set("expiresAt", expiresAt), Updates.set("renewedAt", now)));
        return renewed == null ? Optional.empty() : Optional.of(expiresAt);
    }

    /** Gives the lease up at once (on a clean shutdown), so another instance need not wait for it to lapse. */
    public void release(String holder, long token) {
        leases.updateOne(and(eq("_id", LEASE_ID), eq("holder", holder), eq("token", token)),
            Updates.set("expiresAt", clock.instant()));
    }

    /** True when {@code token} is the current, unlapsed lease's: a fire carrying it may act. */
    public boolean isCurrent(long token) {
        return current().filter(lease -> lease.token() == token && lease.expiresAt().isAfter(clock.instant())).isPresent();
    }

    /**
     * True when the work of {@code fire} may start: "run now" is an admin's own act and needs no
     * scheduler; a planned fire needs the current lease's token.
     */
    public boolean admits(ScheduledFire fire) {
        return fire.trigger() == FireTrigger.RUN_NOW || isCurrent(fire.fencingToken());
    }

    /** The lease as stored, if anyone ever took it. */
    public Optional<LeaseState> current() {
        return Optional.ofNullable(leases.find(eq("_id", LEASE_ID)).first());
    }

    /** How long a lease holds unless renewed. */
    public Duration timeToLive() {
        return timeToLive;
    }
}
