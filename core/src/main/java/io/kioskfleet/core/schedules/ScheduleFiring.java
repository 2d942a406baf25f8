package io.kioskfleet.core.schedules;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a decision about one fire into what it means: starts the schedule's work through
 * {@link ScheduledWork} and records the decision in the {@link FireLog}, once per fire. A planned
 * fire acts only with the lease's current fencing token, so a deposed scheduler does nothing.
 */
public final class ScheduleFiring {

    private static final Logger log = LoggerFactory.getLogger(ScheduleFiring.class);

    private final FireLog fires;
    private final SchedulerLease lease;
    private final ScheduledWork work;
    private final Clock clock;

    public ScheduleFiring(FireLog fires, SchedulerLease lease, ScheduledWork work, Clock clock) {
        this.fires = fires;
        this.lease = lease;
        this.work = work;
        this.clock = clock;
    }

    /**
     * Fires {@code schedule} for {@code plannedTime} unless that fire was decided already.
     *
     * @return the decision that stands, or empty when {@code fencingToken} is no longer the lease's
     */
    public Optional<FireRecord> fire(Schedule schedule, Instant plannedTime, FireTrigger trigger, long fencingToken,
                                     String note) {
        ScheduledFire fire = schedule.fireAt(plannedTime, trigger, fencingToken);
        Optional<FireRecord> decided = fires.find(fire.runKey(), plannedTime);
        if (decided.isPresent()) {
            return decided;
        }
        if (!lease.admits(fire)) {
            log.info("Not firing {} for {}: lease token {} is no longer current", schedule.id(), plannedTime, fencingToken);
            return Optional.empty();
        }
        String runId = null;
        FireDecision decision = switch (trigger) {
            case ON_TIME -> FireDecision.FIRED_ON_TIME;
            case LATE -> FireDecision.FIRED_LATE;
            case RUN_NOW -> FireDecision.FIRED_NOW;
        };
        String why = note;
        try {
            runId = work.start(fire);
        } catch (RuntimeException e) {
            log.warn("Schedule {} could not start its work for {}: {}", schedule.id(), plannedTime, e.toString());
            decision = FireDecision.FAILED;
            why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return Optional.of(fires.record(new FireRecord(fire.runKey(), schedule.id(), plannedTime, decision,
            clock.instant(), fencingToken, runId, why)));
    }

    /**
     * Records that {@code schedule}'s fire for {@code plannedTime} is skipped ({@code decision}
     * is SKIPPED_MISSED or SKIPPED_TOO_LATE), unless it was decided already.
     *
     * @return the decision that stands, or empty when {@code fencingToken} is no longer the lease's
     */
    public Optional<FireRecord> skip(Schedule schedule, Instant plannedTime, FireDecision decision, long fencingToken,
                                     String note) {
        if (decision.fired() || decision == FireDecision.FAILED) {
            throw new IllegalArgumentException("not a skip: " + decision);
        }
        ScheduledFire fire = schedule.fireAt(plannedTime, FireTrigger.LATE, fencingToken);
        Optional<FireRecord> decided = fires.find(fire.runKey(), plannedTime);
        if (decided.isPresent() || !lease.isCurrent(fencingToken)) {
            return decided;
        }
        return Optional.of(fires.record(new FireRecord(fire.runKey(), schedule.id(), plannedTime, decision,
            clock.instant(), fencingToken, null, note)));
    }
}
