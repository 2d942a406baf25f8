package io.kioskfleet.jobs.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class QuartzTimetableTest {

    @Test
    void quartzHandsOverAPlannedFireWithItsPlannedTimeOnlyWhileStarted() throws InterruptedException {
        LinkedBlockingQueue<String> due = new LinkedBlockingQueue<>();
        try (QuartzTimetable timetable = new QuartzTimetable("timetable-test", java.time.Clock.systemUTC(), (id, at) -> due.add(id + "@" + at))) {
            Instant soon = Instant.now().plusMillis(300);
            timetable.plan("sch_1", soon);
            assertThat(due.poll(1, TimeUnit.SECONDS)).as("in standby nothing fires").isNull();
            timetable.start();
            assertThat(due.poll(5, TimeUnit.SECONDS)).isEqualTo("sch_1@" + Instant.ofEpochMilli(soon.toEpochMilli()));
            assertThat(timetable.planned()).isEqualTo(1);
            timetable.unplan("sch_1");
            assertThat(timetable.planned()).isZero();
        }
    }
}
