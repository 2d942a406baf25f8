package io.kioskfleet.console.schedules;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.schedules.FireRecord;
import io.kioskfleet.core.schedules.PlannedFire;
import io.kioskfleet.core.schedules.Schedule;
import io.kioskfleet.core.schedules.ScheduleSummary;
import io.kioskfleet.core.schedules.Schedules;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/schedules}: schedules and their coming fire times, run now, pause and resume,
 * and the fire log.
 */
@RestController
@RequestMapping("/api/v1/schedules")
public class ScheduleController {

    private final Schedules schedules;

    public ScheduleController(Schedules schedules) {
        this.schedules = schedules;
    }

    @GetMapping
    public List<ScheduleSummary> list(Actor actor) {
        return schedules.list(actor);
    }

    @GetMapping("/{id}")
    public Schedule get(Actor actor, @PathVariable String id) {
        return schedules.get(actor, id);
    }

    @PostMapping
    public ResponseEntity<Schedule> create(Actor actor, @RequestBody ScheduleRequest request) {
        Schedule created = schedules.create(actor, request.draft());
        return ResponseEntity.created(URI.create("/api/v1/schedules/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    public Schedule change(Actor actor, @PathVariable String id, @RequestBody ScheduleRequest request) {
        return schedules.change(actor, id, request.draft(), request.version());
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> remove(Actor actor, @PathVariable String id, @RequestParam(required = false) Long version) {
        schedules.remove(actor, id, version);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/next-fires")
    public List<PlannedFire> nextFires(Actor actor, @PathVariable String id, @RequestParam(defaultValue = "10") int count) {
        return schedules.nextFires(actor, id, count);
    }

    @GetMapping("/{id}/fires")
    public List<FireRecord> fires(Actor actor, @PathVariable String id, @RequestParam(defaultValue = "20") int limit) {
        return schedules.recentFires(actor, id, limit);
    }

    @PostMapping("/{id}/run-now")
    public FireRecord runNow(Actor actor, @PathVariable String id) {
        return schedules.runNow(actor, id);
    }

    @PostMapping("/{id}/pause")
    public Schedule pause(Actor actor, @PathVariable String id, @RequestParam(required = false) Long version) {
        return schedules.setEnabled(actor, id, false, version);
    }

    @PostMapping("/{id}/resume")
    public Schedule resume(Actor actor, @PathVariable String id, @RequestParam(required = false) Long version) {
        return schedules.setEnabled(actor, id, true, version);
    }
}
