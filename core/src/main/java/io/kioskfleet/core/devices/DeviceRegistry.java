package io.kioskfleet.core.devices;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.access.Role;
import io.kioskfleet.core.audit.AuditChain;
import io.kioskfleet.core.input.InputCheck;
import io.kioskfleet.core.input.InvalidInputException;
import io.kioskfleet.core.ous.OrganisationUnit;
import io.kioskfleet.core.ous.OrganisationUnits;
import io.kioskfleet.core.ous.OuScope;
import io.kioskfleet.core.store.ConflictException;
import io.kioskfleet.core.store.IdKind;
import io.kioskfleet.core.store.NotFoundException;
import io.kioskfleet.core.store.Page;
import io.kioskfleet.core.store.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fleet's register of devices: pre-registering serials (one by one or from a CSV file),
 * finding devices, and retiring them. Every change is written to the audit chain, and a branch
 * admin only ever sees and touches devices of their own units.
 */
public final class DeviceRegistry {

    private final DeviceRepository repository;
    private final OrganisationUnits units;
    private final AuditChain audit;
    private final Clock clock;

    public DeviceRegistry(DeviceRepository repository, OrganisationUnits units, AuditChain audit, Clock clock) {
        this.repository = repository;
        this.units = units;
        this.audit = audit;
        this.clock = clock;
    }

    /** Pre-registers one serial so that device may enroll later. */
    public Device preRegister(Actor actor, DeviceDraft draft) {
        actor.requireAny(Role.FLEET_ADMIN, Role.BRANCH_ADMIN);
        InputCheck check = new InputCheck();
        draft.check(check, "");
        check.orThrow();
        if (units.find(draft.ouId()).isEmpty()) {
            throw new InvalidInputException("ouId", "no organisation unit with id " + draft.ouId());
        }
        units.requireInScope(actor, draft.ouId());
        Device device = newDevice(draft, clock.instant());
        repository.insert(device);
        audit.append(actor, "device.preregister", "device", device.id(), null, device);
        return device;
    }

    /**
     * Pre-registers every device in a CSV file. The whole file is checked first; if any row is
     * wrong nothing is written and every wrong row is reported. With {@code dryRun} nothing is
     * written either way.
     */
    public DeviceImport importCsv(Actor actor, byte[] csv, boolean dryRun) {
        actor.requireAny(Role.FLEET_ADMIN, Role.BRANCH_ADMIN);
        List<DeviceCsvFormat.Line> lines = DeviceCsvFormat.read(csv);
        List<DeviceDraft> drafts = checkedDrafts(actor, lines);
        List<DeviceImport.Row> rows = new ArrayList<>();
        if (dryRun) {
            lines.forEach(line -> rows.add(new DeviceImport.Row(line.line(), line.serial(), DeviceImport.Outcome.WOULD_CREATE, null, null)));
            return new DeviceImport(true, rows.size(), rows);
        }
        int created = 0;
        Instant now = clock.instant();
        for (int i = 0; i < drafts.size(); i++) {
            DeviceCsvFormat.Line line = lines.get(i);
            Device device = newDevice(drafts.get(i), now);
            try {
                repository.insert(device);
            } catch (ConflictException raced) {
                // Registered by someone else since the check: report it, keep the others.
                rows.add(new DeviceImport.Row(line.line(), device.serial(), DeviceImport.Outcome.CONFLICT, null, raced.getMessage()));
                continue;
            }
            audit.append(actor, "device.preregister", "device", device.id(), null, device);
            rows.add(new DeviceImport.Row(line.line(), device.serial(), DeviceImport.Outcome.CREATED, device.id(), null));
            created++;
        }
        return new DeviceImport(false, created, rows);
    }

    private List<DeviceDraft> checkedDrafts(Actor actor, List<DeviceCsvFormat.Line> lines) {
        Map<String, String> ouIdsByKey = unitKeys();
        OuScope scope = units.scopeOf(actor);
        Set<String> seen = new HashSet<>();
        InputCheck check = new InputCheck();
        List<DeviceDraft> drafts = new ArrayList<>();
        for (DeviceCsvFormat.Line line : lines) {
            String at = "line " + line.line() + ": ";
            String ouId = ouIdsByKey.get(line.ou().toLowerCase(java.util.Locale.ROOT));
            DeviceDraft draft = new DeviceDraft(line.serial(), ouId == null ? line.ou() : ouId, line.model(),
                line.assetTag(), line.tags(), line.notes());
            draft.check(check, at);
            if (!line.ou().isEmpty() && ouId == null) {
                check.reject(at + "ou", "no organisation unit with the id or name '" + line.ou()
                    + "' (or the name is used by more than one unit: use the id)");
            } else if (ouId != null && !scope.contains(ouId)) {
                check.reject(at + "ou", actor.username() + " may not manage '" + line.ou() + "'");
            }
            if (!line.serial().isEmpty() && !seen.add(line.serial())) {
                check.reject(at + "serial", "serial " + line.serial() + " appears more than once in the file");
            } else if (!line.serial().isEmpty()) {
                repository.findBySerial(line.serial()).ifPresent(existing -> check.reject(at + "serial",
                    "serial " + line.serial() + " is already registered (" + existing.id() + ")"));
            }
            drafts.add(draft);
        }
        check.orThrow();
        return drafts;
    }

    /** Each unit by lower-case id and by lower-case name; a name two units share maps to nothing. */
    private Map<String, String> unitKeys() {
        Map<String, String> keys = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        for (OrganisationUnit unit : units.all()) {
            keys.put(unit.id().toLowerCase(java.util.Locale.ROOT), unit.id());
            String name = unit.name().toLowerCase(java.util.Locale.ROOT);
            if (keys.putIfAbsent(name, unit.id()) != null && !keys.get(name).equals(unit.id())) {
                ambiguous.add(name);
            }
        }
        ambiguous.forEach(keys::remove);
        return keys;
    }

    private static Device newDevice(DeviceDraft draft, Instant now) {
        return new Device(IdKind.DEVICE.newId(), draft.serial(), draft.ouId(), DeviceStatus.PREREGISTERED, draft.model(),
            draft.assetTag(), draft.tags(), draft.notes(), now, now, null, null, null, 1);
    }

    /** One device the actor may see. */
    public Device get(Actor actor, String id) {
        actor.requireAny(Role.FLEET_ADMIN, Role.BRANCH_ADMIN, Role.HELPDESK, Role.AUDITOR);
        Device device = repository.find(id).orElseThrow(() -> new NotFoundException("device", id));
        if (!units.scopeOf(actor).contains(device.ouId())) {
            // Outside the actor's units the device does not exist for them: do not confirm its id.
            throw new NotFoundException("device", id);
        }
        return device;
    }

    /** One page of the devices the actor may see that match {@code query}, by serial. */
    public Page<Device> search(Actor actor, DeviceQuery query, PageRequest page) {
        actor.requireAny(Role.FLEET_ADMIN, Role.BRANCH_ADMIN, Role.HELPDESK, Role.AUDITOR);
        OuScope scope = units.scopeOf(actor);
        Set<String> ouIds = null;
        if (query.ouId() != null) {
            ouIds = new HashSet<>(query.includeSubUnits() ? units.subtreeOf(query.ouId()) : Set.of(query.ouId()));
            if (!scope.everything()) {
                ouIds.retainAll(scope.ouIds());
            }
        } else if (!scope.everything()) {
            ouIds = scope.ouIds();
        }
        return repository.search(query, ouIds, page);
    }

    /**
     * How many devices the actor may see are in each status; empty for someone who may not
     * see devices at all (staff).
     */
    public Map<DeviceStatus, Long> countByStatus(Actor actor) {
        if (!(actor.has(Role.FLEET_ADMIN) || actor.has(Role.BRANCH_ADMIN) || actor.has(Role.HELPDESK)
            || actor.has(Role.AUDITOR))) {
            return Map.of();
        }
        Map<DeviceStatus, Long> counts = new java.util.EnumMap<>(DeviceStatus.class);
        for (DeviceStatus status : DeviceStatus.values()) {
            counts.put(status, search(actor, new DeviceQuery(null, true, status, null), new PageRequest(0, 1)).total());
        }
        return counts;
    }

    /**
     * Retires a device for good: from now on it is refused. Retiring a retired device changes
     * nothing. With {@code expectedVersion} the retirement only happens if nobody changed the
     * device since the caller read it.
     */
    public Device retire(Actor actor, String id, String reason, Long expectedVersion) {
        actor.requireAny(Role.FLEET_ADMIN, Role.BRANCH_ADMIN);
        Device current = get(actor, id);
        units.requireInScope(actor, current.ouId());
        if (current.status() == DeviceStatus.RETIRED) {
            return current;
        }
        long version = expectedVersion == null ? current.version() : expectedVersion;
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > DeviceDraft.MAX_TEXT) {
            throw new InvalidInputException("reason", "must be at most " + DeviceDraft.MAX_TEXT + " characters");
        }
        Device changed = current.retired(clock.instant(), why, version);
        repository.replace(changed, version);
        audit.append(actor, "device.retire", "device", id, current, changed);
        return changed;
    }
}
