package io.kioskfleet.console.jobruns;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.jobruns.JobRun;
import io.kioskfleet.core.jobruns.JobRunQuery;
import io.kioskfleet.core.jobruns.JobRunState;
import io.kioskfleet.core.jobruns.JobRuns;
import io.kioskfleet.core.schedules.ScheduleKind;
import io.kioskfleet.core.store.Page;
import io.kioskfleet.core.store.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/job-runs}: the runs of schedules (waves and sweeps) with their progress; cancelling one. */
@RestController
@RequestMapping("/api/v1/job-runs")
public class JobRunController {

    private final JobRuns runs;

    public JobRunController(JobRuns runs) {
        this.runs = runs;
    }

    /** Runs newest first, filtered by {@code schedule}, {@code kind} and {@code state}. */
    @GetMapping
    public Page<JobRun> list(Actor actor,
                             @RequestParam(name = "schedule", required = false) String scheduleId,
                             @RequestParam(required = false) ScheduleKind kind,
                             @RequestParam(required = false) JobRunState state,
                             @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "50") int size) {
        return runs.search(actor, new JobRunQuery(scheduleId, kind, state), new PageRequest(page, size));
    }

    @GetMapping("/{id}")
    public JobRun get(Actor actor, @PathVariable String id) {
        return runs.get(actor, id);
    }

    /** Stops a run from queuing further chunks and cancels its commands not yet delivered. */
    @PostMapping("/{id}/cancel")
    public JobRun cancel(Actor actor, @PathVariable String id) {
        return runs.cancel(actor, id);
    }
}
