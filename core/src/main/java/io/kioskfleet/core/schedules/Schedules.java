package io.kioskfleet.core.schedules;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.access.ForbiddenException;
import io.kioskfleet.core.access.Role;
import io.kioskfleet.core.audit.AuditChain;
import io.kioskfleet.core.audit.Change;
import io.kioskfleet.core.calendar.OfficeCalendar;
import io.kioskfleet.core.devices.Device;
import io.kioskfleet.core.devices.DeviceRegistry;
import io.kioskfleet.core.input.InputCheck;
import io.kioskfleet.core.ous.OrganisationUnits;
import io.kioskfleet.core.ous.OuScope;
import io.kioskfleet.core.store.IdKind;
import io.kioskfleet.core.store.NotFoundException;
import io.kioskfleet.core.store.VersionConflictException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Schedules for admins: create, change, pause, resume and remove them, see their coming fire
 * times and their recent fire decisions, and fire one now.
 *
 * <p>Who may do what: fleet admins everything; branch admins only waves (logout, wipe, reboot)
 * whose target lies wholly inside their units: at least one of their units or devices, and no
 * tags, since a tag reaches devices in every branch. They see only such schedules. Auditors
 * read every schedule and its fire log.
 */
public final class Schedules {

    /** The most coming fire times one call returns. */
    public static final int MAX_NEXT_FIRES = 100;

    private final ScheduleRepository repository;
    private final FireLog fireLog;
    private final ScheduleFiring firing;
    private final SchedulerLease lease;
    private final OfficeCalendar calendar;
    private final OrganisationUnits units;
    private final DeviceRegistry devices;
    private final AuditChain audit;
    private final Clock clock;
    private final ZoneId defaultZone;

    public Schedules(ScheduleRepository repository, FireLog fireLog, ScheduleFiring firing, SchedulerLease lease,
                     OfficeCalendar calendar, OrganisationUnits units, DeviceRegistry devices, AuditChain audit,
                     Clock clock, ZoneId defaultZone) {
        this.repository = repository;
        this.fireLog = fireLog;
        this.firing = firing;
        this.lease = lease;
        this.calendar = calendar;
        this.units = units;
        this.devices = devices;
        this.audit = audit;
        this.clock = clock;
        this.defaultZone = defaultZone;
    }

    /** The schedules the actor may see, oldest first, each with its next fire time. */
    public List<ScheduleSummary> list(Actor actor) {
        requireReader(actor);
        OuScope scope = units.scopeOf(actor);
        Instant now = clock.instant();
        var closed = calendar.closedDays();
        return repository.all().stream().filter(schedule -> visibleIn(scope, schedule)).map(schedule -> {
            Instant next = schedule.enabled() ? FirePlan.of(schedule, closed).after(now, 1).stream().findFirst().orElse(null)
                : null;
            return new ScheduleSummary(schedule.id(), schedule.name(), schedule.kind(), when(schedule), schedule.timeZone(),
                schedule.holidayRule(), schedule.enabled(), next, schedule.version());
        }).toList();
    }

    /** One schedule the actor may see. */
    public Schedule get(Actor actor, String id) {
        requireReader(actor);
        return visible(actor, id);
    }

    /** Creates a schedule. */
    public Schedule create(Actor actor, ScheduleDraft draft) {
        requireWriter(actor);
        Instant now = clock.instant();
        check(actor, draft, now);
        Schedule schedule = draft.toSchedule(IdKind.SCHEDULE.newId(), defaultZone, now, actor.username(), now,
            actor.username(), 1);
        audit.record(actor, Change.created("schedule.create", ScheduleRepository.COLLECTION, "schedule", schedule.id(), 1,
            schedule), () -> repository.insert(schedule));
        return schedule;
    }

    /**
     * Replaces a schedule's settings with {@code draft}'s.
     *
     * @param expectedVersion the version read; null: whatever is stored now
     */
    public Schedule change(Actor actor, String id, ScheduleDraft draft, Long expectedVersion) {
        requireWriter(actor);
        Schedule current = manageable(actor, id);
        Instant now = clock.instant();
        check(actor, draft, now);
        long version = expectedVersion == null ? current.version() : expectedVersion;
        Schedule changed = draft.toSchedule(id, defaultZone, current.createdAt(), current.createdBy(), now,
            actor.username(), version + 1);
        audit.record(actor, Change.changed("schedule.change", ScheduleRepository.COLLECTION, "schedule", id,
            changed.version(), current, changed), () -> repository.replace(changed, version));
        return changed;
    }

    /** Pauses ({@code enabled} false) or resumes a schedule; fires missed while paused are not caught up. */
    public Schedule setEnabled(Actor actor, String id, boolean enabled, Long expectedVersion) {
        requireWriter(actor);
        Schedule current = manageable(actor, id);
        if (current.enabled() == enabled) {
            return current;
        }
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new VersionConflictException("schedule", id, expectedVersion, current.version());
        }
        long version = current.version();
        Schedule changed = current.withEnabled(enabled, clock.instant(), actor.username());
        audit.record(actor, Change.changed(enabled ? "schedule.resume" : "schedule.pause", ScheduleRepository.COLLECTION,
            "schedule", id, changed.version(), current, changed), () -> repository.replace(changed, version));
        return changed;
    }

    /** Removes a schedule; its fire log stays. */
    public void remove(Actor actor, String id, Long expectedVersion) {
        requireWriter(actor);
        Schedule current = manageable(actor, id);
        long version = expectedVersion == null ? current.version() : expectedVersion;
        audit.record(actor, Change.removed("schedule.remove", ScheduleRepository.COLLECTION, "schedule", id, version,
            current), () -> repository.delete(id, version));
    }

    /** The next {@code count} fire times (1–{@value #MAX_NEXT_FIRES}), also for a paused schedule (what it would do). */
    public List<PlannedFire> nextFires(Actor actor, String id, int count) {
        requireReader(actor);
        new InputCheck().require(count >= 1 && count <= MAX_NEXT_FIRES, "count", "must be from 1 to " + MAX_NEXT_FIRES)
            .orThrow();
        Schedule schedule = visible(actor, id);
        return FirePlan.of(schedule, calendar.closedDays()).after(clock.instant(), count).stream()
            .map(at -> PlannedFire.of(at, schedule.zone())).toList();
    }

    /** The schedule's latest fire decisions, newest first. */
    public List<FireRecord> recentFires(Actor actor, String id, int limit) {
        requireReader(actor);
        Schedule schedule = visible(actor, id);
        Instant now = clock.instant();
        return fireLog.recent(schedule.id(), now.minus(FireLog.recentWindow()), Math.max(1, Math.min(limit, 100)));
    }

    /**
     * Fires the schedule now, whatever its times and even when paused (an admin's explicit act,
     * audited), on this instance; the work is the same as for a planned fire.
     */
    public FireRecord runNow(Actor actor, String id) {
        requireWriter(actor);
        Schedule schedule = manageable(actor, id);
        Instant now = clock.instant();
        long token = lease.current().map(LeaseState::token).orElse(0L);
        audit.note(actor, "schedule.run-now", "schedule", id, Map.of("at", now.toString()));
        return firing.fire(schedule, now, FireTrigger.RUN_NOW, token, "run now by " + actor.username())
            .orElseThrow(() -> new IllegalStateException("run now is never fenced"));
    }

    /** When it fires, in one line: the cron expression, or the times and days ("12:00 17:30 MON-FRI"). */
    static String when(Schedule schedule) {
        if (schedule.cron() != null) {
            return schedule.cron();
        }
        List<DayOfWeek> days = schedule.weekdays();
        String on = days.isEmpty() || days.size() == 7 ? "daily"
            : days.equals(List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) ? "MON-FRI"
            : days.stream().map(day -> day.name().substring(0, 3)).collect(Collectors.joining(","));
        return String.join(" ", schedule.timesOfDay()) + " " + on;
    }

    private void check(Actor actor, ScheduleDraft draft, Instant now) {
        InputCheck check = new InputCheck();
        draft.check(check, defaultZone, now);
        if (draft.target() != null) {
            List<String> ouIds = draft.target().ouIds();
            for (int i = 0; i < ouIds.size(); i++) {
                check.require(ouIds.get(i) == null || units.exists(ouIds.get(i)), "target.ouIds[" + i + "]",
                    "no organisation unit with id " + ouIds.get(i));
            }
            List<String> deviceIds = draft.target().deviceIds();
            for (int i = 0; i < deviceIds.size(); i++) {
                check.require(deviceIds.get(i) == null || devices.find(deviceIds.get(i)).isPresent(),
                    "target.deviceIds[" + i + "]", "no device with id " + deviceIds.get(i));
            }
        }
        check.orThrow();
        if (!actor.has(Role.FLEET_ADMIN)) {
            if (!ScheduleDraft.WAVES.contains(draft.kind())) {
                throw new ForbiddenException(actor.username() + " may schedule only logout, wipe and reboot waves");
            }
            if (!insideOf(units.scopeOf(actor), draft.target())) {
                throw new ForbiddenException(actor.username()
                    + " may target only units and devices of their own branch, and no tags");
            }
        }
    }

    private static void requireReader(Actor actor) {
        actor.requireAny(Role.FLEET_ADMIN, Role.BRANCH_ADMIN, Role.AUDITOR);
    }

    private static void requireWriter(Actor actor) {
        actor.requireAny(Role.FLEET_ADMIN, Role.BRANCH_ADMIN);
    }

    private Schedule visible(Actor actor, String id) {
        Schedule schedule = repository.find(id).orElseThrow(() -> new NotFoundException("schedule", id));
        if (!visibleIn(units.scopeOf(actor), schedule)) {
            throw new NotFoundException("schedule", id);
        }
        return schedule;
    }

    /** A schedule the actor may change: branch admins see only what they may change, so seeing is enough. */
    private Schedule manageable(Actor actor, String id) {
        return visible(actor, id);
    }

    private boolean visibleIn(OuScope scope, Schedule schedule) {
        return scope.everything() || ScheduleDraft.WAVES.contains(schedule.kind()) && insideOf(scope, schedule.target());
    }

    /** True when every device {@code target} reaches is inside {@code scope}. */
    private boolean insideOf(OuScope scope, ScheduleTarget target) {
        if (scope.everything()) {
            return true;
        }
        if (target == null || target.isWholeFleet() || !target.tags().isEmpty()) {
            return false;
        }
        return target.ouIds().stream().allMatch(scope::contains)
            && target.deviceIds().stream().map(devices::find).allMatch(device -> device.map(Device::ouId)
                .filter(scope::contains).isPresent());
    }

    /** The zone a schedule is read in when it names none. */
    public ZoneId defaultZone() {
        return defaultZone;
    }

    /** The calendar, for the console's holiday notes. */
    public OfficeCalendar calendar() {
        return calendar;
    }

    /** The coming fire times of {@code schedule} as the scheduler plans them (no role check: for the scheduler). */
    public Optional<Instant> nextFireAfter(Schedule schedule, Instant after) {
        return FirePlan.of(schedule, calendar.closedDays()).after(after, 1).stream().findFirst();
    }
}
