package io.kioskfleet.app.schedules;

import io.kioskfleet.core.schedules.ScheduledFire;
import io.kioskfleet.core.schedules.ScheduledWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in for the work of schedules while no {@link ScheduledWork} is wired (the waves and
 * sweeps arrive separately): a fire is logged and recorded, nothing is sent to devices.
 */
final class UnconnectedWork implements ScheduledWork {

    private static final Logger log = LoggerFactory.getLogger(UnconnectedWork.class);

    @Override
    public String start(ScheduledFire fire) {
        log.warn("Schedule {} ({}) fired for {}, but there is no work for kind {} yet", fire.scheduleId(),
            fire.scheduleName(), fire.plannedTime(), fire.kind());
        return null;
    }
}
