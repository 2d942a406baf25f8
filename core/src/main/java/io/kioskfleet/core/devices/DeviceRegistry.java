package io.kioskfleet.core.devices;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.access.Role;
import io.kioskfleet.core.audit.AuditChain;
import io.kioskfleet.core.audit.Change;
import io.kioskfleet.core.input.BoundedInput;
import io.kioskfleet.core.input.InputCheck;
import io.kioskfleet.core.input.InvalidInputException;
import io.kioskfleet.core.input.Rule;
import io.kioskfleet.core.ous.OrganisationUnit;
import io.kioskfleet.core.ous.OrganisationUnits;
import io.kioskfleet.core.ous.OuScope;
import io.kioskfleet.core.store.ConflictException;
import io.kioskfleet.core.store.IdKind;
import io.kioskfleet.core.store.NotFoundException;
import io.kioskfleet.core.store.Page;
import io.kioskfleet.core.store.PageRequest;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The fleet's register of devices: pre-registering serials (one by one or from a CSV file),
 * finding devices, editing them, and retiring them. Every change is written to the audit chain, and a branch
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
        // Scope before existence, so a branch admin cannot probe which unit ids exist elsewhere.
        units.requireInScope(actor, draft.ouId());
        if (!units.exists(draft.ouId())) {
            throw new InvalidInputException("ouId", Rule.UNKNOWN_UNIT, draft.ouId());
        }
        Device device = newDevice(draft, clock.instant());
        insertRecorded(actor, device);
        return device;
    }

    private void insertRecorded(Actor actor, Device device) {
        audit.record(actor, Change.created("device.preregister", DeviceRepository.COLLECTION, "device", device.id(), 1, device),
            () -> {
                repository.insert(device);
                if (!units.exists(device.ouId())) {
                    // The unit was removed while the device was being registered: take it back.
                    repository.deleteCreated(device.id());
                    throw new InvalidInputException("ouId", Rule.UNKNOWN_UNIT, device.ouId());
                }
            });
    }

    /**
     * Pre-registers every device in a CSV file. The whole file is checked first; if any row is
     * wrong nothing is written and every wrong row is reported. A row whose serial is already
     * registered in the same unit is skipped, so a file can be sent again after an interruption.
     * With {@code dryRun} nothing is written either way.
     */
    public DeviceImport importCsv(Actor actor, InputStream csv, boolean dryRun) {
        actor.requireAny(Role.FLEET_ADMIN, Role.BRANCH_ADMIN);
        byte[] bytes = BoundedInput.readAtMost(csv, DeviceCsvFormat.MAX_BYTES, "the CSV file");
        List<PlannedRow> plan = plan(actor, DeviceCsvFormat.read(bytes));
        List<DeviceImport.Row> rows = new ArrayList<>();
        int created = 0;
        Instant now = clock.instant();
        for (PlannedRow planned : plan) {
            int line = planned.line().line();
            if (planned.existing() != null) {
                rows.add(new DeviceImport.Row(line, planned.draft().serial(), DeviceImport.Outcome.ALREADY_REGISTERED,
                    planned.existing().id(), null));
            } else if (dryRun) {
                rows.add(new DeviceImport.Row(line, planned.draft().serial(), DeviceImport.Outcome.WOULD_CREATE, null, null));
                created++;
            } else {
                Device device = newDevice(planned.draft(), now);
                try {
                    insertRecorded(actor, device);
                } catch (ConflictException | InvalidInputException raced) {
                    // Registered, or its unit removed, by someone else since the check: report it, keep the others.
                    rows.add(new DeviceImport.Row(line, device.serial(), DeviceImport.Outcome.CONFLICT, null, raced.getMessage()));
                    continue;
                }
                rows.add(new DeviceImport.Row(line, device.serial(), DeviceImport.Outcome.CREATED, device.id(), null));
                created++;
            }
        }
        return new DeviceImport(dryRun, created, rows);
    }

    /** A checked CSV row: what to register, or the device that has it already. */
    private record PlannedRow(DeviceCsvFormat.Line line, DeviceDraft draft, Device existing) {
    }

    private List<PlannedRow> plan(Actor actor, List<DeviceCsvFormat.Line> lines) {
        Map<String, String> ouIdsByKey = unitKeys();
        OuScope scope = units.scopeOf(actor);
        Set<String> seen = new HashSet<>();
        InputCheck check = new InputCheck();
        List<PlannedRow> plan = new ArrayList<>();
        for (DeviceCsvFormat.Line line : lines) {
            String at = "line " + line.line() + ": ";
            check.require(!line.hasExtraFields(), at + "fields", Rule.CSV_FIELD_COUNT, line.fieldCount(), line.columnCount());
            String ouId = ouIdsByKey.get(OrganisationUnit.comparableName(line.ou()));
            DeviceDraft draft = new DeviceDraft(line.serial(), ouId == null ? line.ou() : ouId, line.model(),
                line.assetTag(), line.tags(), line.notes());
            draft.check(check, at);
            if (!line.ou().isEmpty() && (ouId == null || !scope.contains(ouId))) {
                check.reject(at + "ou", Rule.UNIT_NOT_MANAGED, line.ou());
            }
            Device existing = null;
            if (!line.serial().isEmpty() && !seen.add(line.serial())) {
                check.reject(at + "serial", Rule.CSV_DUPLICATE_SERIAL, line.serial());
            } else if (!line.serial().isEmpty()) {
                existing = repository.findBySerial(line.serial()).orElse(null);
                if (existing != null && !existing.ouId().equals(ouId)) {
                    check.reject(at + "serial", Rule.SERIAL_IN_OTHER_UNIT, line.serial(), existing.id());
                }
            }
            plan.add(new PlannedRow(line, draft, existing));
        }
        check.orThrow();
        return plan;
    }

    /** Each unit by its id and by its comparable name; a name two units share maps to nothing. */
    private Map<String, String> unitKeys() {
        Map<String, String> keys = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        for (OrganisationUnit unit : units.all()) {
            keys.put(OrganisationUnit.comparableName(unit.id()), unit.id());
            String name = OrganisationUnit.comparableName(unit.name());
            if (keys.putIfAbsent(name, unit.id()) != null && !keys.get(name).equals(unit.id())) {
                ambiguous.add(name);
            }
        }
        ambiguous.forEach(keys::remove);
        return keys;
    }

    private static Device newDevice(DeviceDraft draft, Instant now) {
        return new Device(IdKind.DEVICE.newId(), draft.serial(), draft.ouId(), DeviceStatus.PREREGISTERED, draft.model(),
            draft.assetTag(), draft.tags(), draft.notes(), now, now, null, null, null, null, null, null, null, 1);
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

    /**
     * The device with {@code id}, for the device protocol: a device speaks for itself, so there
     * is no signed-in user to scope by.
     */
    public Optional<Device> find(String id) {
        return repository.find(id);
    }

    /**
     * The devices with {@code ids} in that order, leaving out those that are gone, in one store
     * read: for a list whose ids were chosen by a read model that already scoped them.
     */
    public List<Device> findInOrder(List<String> ids) {
        Map<String, Device> byId = new HashMap<>();
        repository.findAll(ids).forEach(device -> byId.put(device.id(), device));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /**
     * The device with {@code serial}, whoever asks (a unique-index lookup): staff report a fault
     * from the device they sit at, which is outside any scope they hold.
     */
    public Optional<Device> findBySerial(String serial) {
        return serial == null ? Optional.empty() : repository.findBySerial(serial);
    }

    /**
     * How many devices a fleet-wide action reaches, for the service's own work (a scheduled wave
     * acts for the whole fleet, so there is no user to scope by).
     */
    public long count(DeviceSelection selection) {
        return repository.count(selection);
    }

    /**
     * The devices a fleet-wide action reaches, in id order after {@code after} (null: from the
     * first), streamed from one cursor so the fleet is never held in one list; close the stream.
     */
    public Stream<DeviceSummary> selected(DeviceSelection selection, String after) {
        return repository.selected(selection, after);
    }

    /** Calls {@code each} with every device, in one pass over the store (to fill a cache at start). */
    public void forEachDevice(Consumer<Device> each) {
        repository.forEach(each);
    }

    /** Calls {@code listener} with a device's id after every change to it (to drop what a cache holds). */
    public void whenChanged(Consumer<String> listener) {
        repository.whenChanged(listener);
    }

    /**
     * Enrolls the pre-registered device {@code serial} with {@code publicKey}, vouched for by
     * {@code claim}: refused for an unknown serial, a retired device, or one enrolled already
     * unless an admin allowed it to enroll again. The claim takes its token use inside the
     * recorded write and gives it back when the device changed meanwhile.
     */
    public Device enroll(Actor actor, String serial, String publicKey, EnrollmentClaim claim) {
        Device current = repository.findBySerial(serial).orElseThrow(() -> new EnrollmentRefusedException(
            "serial-unknown", "serial " + serial + " is not pre-registered; ask IT to register it first"));
        if (current.status() == DeviceStatus.RETIRED) {
            throw new EnrollmentRefusedException("device-retired", "device " + current.id() + " is retired");
        }
        if (!current.mayEnroll()) {
            throw new EnrollmentRefusedException("already-enrolled", "device " + current.id()
                + " is enrolled already; an admin must allow re-enrollment first");
        }
        claim.check(current);
        Device changed = current.enrolled(publicKey, claim.tokenId(), clock.instant());
        audit.record(actor, Change.changed("device.enroll", DeviceRepository.COLLECTION, "device", current.id(),
            changed.version(), current, changed), () -> {
                claim.take();
                try {
                    repository.replace(changed, current.version());
                } catch (RuntimeException raced) {
                    claim.giveBack();
                    throw new EnrollmentRefusedException("already-enrolled", "device " + current.id()
                        + " changed while enrolling (another enrollment?); try again");
                }
            });
        return changed;
    }

    /**
     * Changes a device's unit, model, asset tag, tags or notes, from the version the caller read.
     * A branch admin edits only devices of their units and moves them only into their units. A
     * move into a unit removed meanwhile is taken back (write, then check, as for a new device).
     */
    public Device edit(Actor actor, String id, DeviceEdit edit) {
        actor.requireAny(Role.FLEET_ADMIN, Role.BRANCH_ADMIN);
        Device current = get(actor, id);
        units.requireInScope(actor, current.ouId());
        DeviceDraft after = edit.appliedTo(current);
        InputCheck check = new InputCheck().require(edit.version() != null, "version", Rule.REQUIRED);
        after.check(check, "");
        check.orThrow();
        boolean moved = !after.ouId().equals(current.ouId());
        if (moved) {
            units.requireInScope(actor, after.ouId());
            if (!units.exists(after.ouId())) {
                throw new InvalidInputException("ouId", Rule.UNKNOWN_UNIT, after.ouId());
            }
        }
        Device changed = current.edited(after, clock.instant(), edit.version());
        audit.record(actor, Change.changed(moved ? "device.move" : "device.edit", DeviceRepository.COLLECTION, "device", id,
            changed.version(), current, changed), () -> {
                repository.replace(changed, edit.version());
                if (moved && !units.exists(changed.ouId())) {
                    // The unit was removed while the device moved into it: put it back where it was.
                    repository.replace(current.edited(current.draft(), clock.instant(), changed.version()), changed.version());
                    throw new InvalidInputException("ouId", Rule.UNKNOWN_UNIT, changed.ouId());
                }
            });
        return changed;
    }

    /**
     * Lets an enrolled (or locked) device enroll once more, with a new key: for a laptop that was
     * re-imaged and lost its key. The next enrollment replaces the key and clears the allowance.
     */
    public Device allowReenrollment(Actor actor, String id, Long expectedVersion) {
        actor.requireAny(Role.FLEET_ADMIN, Role.BRANCH_ADMIN);
        Device current = get(actor, id);
        units.requireInScope(actor, current.ouId());
        if (current.status() == DeviceStatus.RETIRED || current.status() == DeviceStatus.PREREGISTERED) {
            throw new ConflictException("not-enrolled", "device " + id + " is " + current.status()
                + "; only an enrolled or locked device can be allowed to enroll again");
        }
        long version = expectedVersion == null ? current.version() : expectedVersion;
        Device changed = current.reenrollmentAllowed(clock.instant(), version);
        audit.record(actor, Change.changed("device.allow-reenrollment", DeviceRepository.COLLECTION, "device", id,
            changed.version(), current, changed), () -> repository.replace(changed, version));
        return changed;
    }

    /** One page of the devices the actor may see that match {@code query}, by serial. */
    public Page<Device> search(Actor actor, DeviceQuery query, PageRequest page) {
        return repository.search(query, unitsListed(actor, query), page);
    }

    /**
     * The units whose devices a listing for the actor covers: {@code query}'s unit (and its
     * sub-units if asked) within the actor's scope; null for every unit.
     */
    public Set<String> unitsListed(Actor actor, DeviceQuery query) {
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
        return ouIds;
    }

    /** True when the actor may see devices at all (every role but staff). */
    public boolean readableBy(Actor actor) {
        return actor.has(Role.FLEET_ADMIN) || actor.has(Role.BRANCH_ADMIN) || actor.has(Role.HELPDESK)
            || actor.has(Role.AUDITOR);
    }

    /** Every device the actor may see, reduced to id, unit and status (one pass over the store). */
    public List<DeviceSummary> summaries(Actor actor) {
        actor.requireAny(Role.FLEET_ADMIN, Role.BRANCH_ADMIN, Role.HELPDESK, Role.AUDITOR);
        OuScope scope = units.scopeOf(actor);
        return repository.summaries(scope.everything() ? null : scope.ouIds());
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
        return retireRecorded(actor, current, reason, version);
    }

    private Device retireRecorded(Actor actor, Device current, String reason, long version) {
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > DeviceDraft.MAX_TEXT) {
            throw new InvalidInputException("reason", Rule.TOO_LONG, DeviceDraft.MAX_TEXT);
        }
        Device changed = current.retired(clock.instant(), why, version);
        audit.record(actor, Change.changed("device.retire", DeviceRepository.COLLECTION, "device", current.id(),
            changed.version(), current, changed), () -> repository.replace(changed, version));
        return changed;
    }

    /**
     * Retires a device because it reported that it carried out a RETIRE command: the device
     * itself is the actor, so no role or scope applies. Retiring a retired device changes nothing.
     */
    public Device retireOnCommand(Actor device, String id, String commandId) {
        Device current = repository.find(id).orElseThrow(() -> new NotFoundException("device", id));
        if (current.status() == DeviceStatus.RETIRED) {
            return current;
        }
        return retireRecorded(device, current, "retired by command " + commandId, current.version());
    }

    /**
     * Locks a lost device (emergency stop): from now on it only receives LOCK and WIPE, and every
     * other request it makes is refused. Locking a locked device changes nothing.
     */
    public Device lock(Actor actor, String id) {
        return changeStatus(actor, id, DeviceStatus.ENROLLED, DeviceStatus.LOCKED, "device.lock");
    }

    /** Returns a locked device to the fleet (it was found). Unlocking an enrolled device changes nothing. */
    public Device unlock(Actor actor, String id) {
        return changeStatus(actor, id, DeviceStatus.LOCKED, DeviceStatus.ENROLLED, "device.unlock");
    }

    private Device changeStatus(Actor actor, String id, DeviceStatus from, DeviceStatus to, String action) {
        actor.requireAny(Role.FLEET_ADMIN, Role.BRANCH_ADMIN, Role.HELPDESK);
        Device current = get(actor, id);
        units.requireInScope(actor, current.ouId());
        if (current.status() == to) {
            return current;
        }
        if (current.status() != from) {
            throw new ConflictException("device-not-" + from.name().toLowerCase(java.util.Locale.ROOT), "device " + id
                + " is " + current.status() + "; only a device that is " + from + " can become " + to);
        }
        Device changed = current.withStatus(to, clock.instant(), current.version());
        audit.record(actor, Change.changed(action, DeviceRepository.COLLECTION, "device", id, changed.version(), current,
            changed), () -> repository.replace(changed, current.version()));
        return changed;
    }
}
