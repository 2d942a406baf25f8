package io.kioskfleet.jobs.scheduling;

import java.time.Duration;
import java.util.Objects;

/**
 * How the scheduler of one instance behaves.
 *
 * @param instanceId  this instance's name in the lease (unique among instances sharing a store)
 * @param renewEvery  how often the holder renews the lease and the others try to take it;
 *                    well below the lease's time to live
 * @param pollEvery   how often the holder looks for schedules changed on other instances
 * @param onTimeGrace a fire this late is still on time (Quartz threads busy, a short pause);
 *                    later than this the schedule's misfire rule decides
 * @param lookBack    how far back a new holder looks for missed fires
 */
public record SchedulerSettings(String instanceId, Duration renewEvery, Duration pollEvery, Duration onTimeGrace,
                                Duration lookBack) {

    public SchedulerSettings {
        Objects.requireNonNull(instanceId, "instanceId");
        if (renewEvery.isNegative() || pollEvery.isNegative() || onTimeGrace.isNegative() || lookBack.isNegative()) {
            throw new IllegalArgumentException("scheduler intervals must not be negative");
        }
    }
}
