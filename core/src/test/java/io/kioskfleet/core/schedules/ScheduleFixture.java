package io.kioskfleet.core.schedules;

import io.kioskfleet.core.CoreFixture;
import io.kioskfleet.core.calendar.JapaneseHolidays;
import io.kioskfleet.core.calendar.OfficeCalendar;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The schedule services wired on a {@link CoreFixture} as the application wires them, with a
 * recording stand-in for the work (the real work lives in the jobs module).
 */
public record ScheduleFixture(Schedules schedules, ScheduleRepository repository, FireLog fireLog,
                              SchedulerLease lease, ScheduleFiring firing, OfficeCalendar calendar, RecordedWork work) {

    /** Wires the services with a lease that lapses after {@code leaseTtl}. */
    public static ScheduleFixture on(CoreFixture fleet, Clock clock, Duration leaseTtl) {
        ScheduleRepository repository = new ScheduleRepository(fleet.store());
        FireLog fireLog = new FireLog(fleet.store());
        SchedulerLease lease = new SchedulerLease(fleet.store(), leaseTtl, clock);
        RecordedWork work = new RecordedWork();
        ScheduleFiring firing = new ScheduleFiring(fireLog, lease, work, clock);
        OfficeCalendar calendar = new OfficeCalendar(fleet.store(), new JapaneseHolidays(), fleet.audit(), clock);
        Schedules schedules = new Schedules(repository, fireLog, firing, lease, calendar, fleet.units(), fleet.devices(),
            fleet.audit(), clock, ZoneId.of("Asia/Tokyo"));
        return new ScheduleFixture(schedules, repository, fireLog, lease, firing, calendar, work);
    }

    /** A test double of the work: remembers every fire it was handed and answers a run id per fire. */
    public static final class RecordedWork implements ScheduledWork {

        private final List<ScheduledFire> started = new CopyOnWriteArrayList<>();

        @Override
        public String start(ScheduledFire fire) {
            started.add(fire);
            return "run_" + fire.runKey();
        }

        /** The fires handed to the work so far, in order. */
        public List<ScheduledFire> started() {
            return List.copyOf(started);
        }
    }
}
