package io.kioskfleet.core.ous;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.access.ForbiddenException;
import io.kioskfleet.core.access.Role;
import io.kioskfleet.core.audit.AuditChain;
import io.kioskfleet.core.audit.Change;
import io.kioskfleet.core.input.InvalidInputException;
import io.kioskfleet.core.input.Rule;
import io.kioskfleet.core.store.ConflictException;
import io.kioskfleet.core.store.IdKind;
import io.kioskfleet.core.store.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The organisation tree: headquarters at the root, branch offices below. Creating, changing,
 * moving and removing units, and answering which units an actor may see.
 */
public final class OrganisationUnits {

    private static final Comparator<OrganisationUnit> BY_NAME = Comparator.comparing(OrganisationUnit::name);

    private final OuRepository repository;
    private final OuOccupants occupants;
    private final AuditChain audit;
    private final Clock clock;

    private final List<Consumer<String>> treeListeners = new CopyOnWriteArrayList<>();

    public OrganisationUnits(OuRepository repository, OuOccupants occupants, AuditChain audit, Clock clock) {
        this.repository = repository;
        this.occupants = occupants;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates a unit: headquarters when it has no parent, else a branch under its parent. */
    public OrganisationUnit create(Actor actor, OuDraft draft) {
        actor.requireAny(Role.FLEET_ADMIN);
        draft.check();
        if (draft.parentId() != null) {
            requireParent(draft.parentId());
        }
        Instant now = clock.instant();
        OrganisationUnit unit = new OrganisationUnit(IdKind.ORGANISATION_UNIT.newId(), draft.name(),
            draft.parentId() == null ? OuKind.HEADQUARTERS : OuKind.BRANCH, draft.parentId(), draft.address(),
            draft.travelMinutesOrZero(), null, 1, now, now);
        try {
            audit.record(actor, Change.created("ou.create", OuRepository.COLLECTION, "ou", unit.id(), 1, unit), () -> {
                repository.insert(unit);
                if (unit.parentId() != null && !repository.exists(unit.parentId())) {
                    // The parent was removed while this unit was being created: take it back.
                    repository.deleteCreated(unit.id());
                    throw new InvalidInputException("parentId", Rule.UNKNOWN_UNIT, unit.parentId());
                }
            });
        } finally {
            treeChanged(unit.id());
        }
        return unit;
    }

    /**
     * Changes a unit's name, address, travel time or parent, if it is still at {@code expectedVersion}.
     * Headquarters stays the root; a unit cannot move below itself.
     */
    public OrganisationUnit change(Actor actor, String id, OuDraft draft, Long expectedVersion) {
        actor.requireAny(Role.FLEET_ADMIN);
        if (expectedVersion == null) {
            throw new InvalidInputException("version", Rule.VERSION_REQUIRED);
        }
        OrganisationUnit current = get(id);
        draft.check();
        if (current.isHeadquarters() != (draft.parentId() == null)) {
            throw new InvalidInputException("parentId",
                current.isHeadquarters() ? Rule.HEADQUARTERS_PARENT : Rule.PARENT_REQUIRED);
        }
        if (draft.parentId() != null && !draft.parentId().equals(current.parentId())) {
            requireParent(draft.parentId());
            if (subtreeOf(id).contains(draft.parentId())) {
                throw new InvalidInputException("parentId", Rule.MOVE_BELOW_ITSELF);
            }
        }
        OrganisationUnit changed = new OrganisationUnit(id, draft.name(), current.kind(), draft.parentId(),
            draft.address(), draft.travelMinutesOrZero(), null, expectedVersion + 1, current.createdAt(), clock.instant());
        boolean moved = !java.util.Objects.equals(current.parentId(), changed.parentId());
        try {
            audit.record(actor, Change.changed("ou.change", OuRepository.COLLECTION, "ou", id, changed.version(), current,
                changed), () -> {
                    repository.replace(changed, expectedVersion);
                    if (moved && !reachesRoot(changed)) {
                        // Two moves at once made a loop (A under B while B went under A): undo ours.
                        repository.replace(current.withVersion(changed.version() + 1), changed.version());
                        throw new ConflictException("concurrent-move",
                            "another unit was moved at the same time and the two moves would form a loop; try again");
                    }
                });
        } finally {
            treeChanged(id); // also after an undone move: someone may have read the tree in between
        }
        return changed;
    }

    /** True when following parents from {@code unit} ends at headquarters, not in a loop or a missing unit. */
    private boolean reachesRoot(OrganisationUnit unit) {
        Map<String, OrganisationUnit> byId = repository.all().stream()
            .collect(Collectors.toMap(OrganisationUnit::id, u -> u));
        Set<String> seen = new HashSet<>();
        OrganisationUnit next = unit;
        while (next != null && next.parentId() != null) {
            if (!seen.add(next.id())) {
                return false;
            }
            next = byId.get(next.parentId());
        }
        return next != null;
    }

    /** Removes a unit that has no sub-units and nothing belonging to it. */
    public void remove(Actor actor, String id, long expectedVersion) {
        actor.requireAny(Role.FLEET_ADMIN);
        OrganisationUnit current = get(id);
        // Units and devices created under this one at the same moment check, after writing,
        // that it still exists and take themselves back if not; so checking first is enough.
        if (repository.all().stream().anyMatch(unit -> id.equals(unit.parentId()))) {
            throw new ConflictException("ou-has-children", "'" + current.name() + "' still has sub-units; move or remove them first");
        }
        if (occupants.anyIn(id)) {
            throw new ConflictException("ou-has-devices", "'" + current.name()
                + "' still has devices (retired ones too, whose history refers to it)");
        }
        audit.record(actor, Change.removed("ou.remove", OuRepository.COLLECTION, "ou", id, expectedVersion, current),
            () -> repository.delete(id, expectedVersion));
        treeChanged(id);
    }

    /** Calls {@code listener} with a unit's id after every change to the tree through this service (to drop what a cache holds). */
    public void whenChanged(Consumer<String> listener) {
        treeListeners.add(listener);
    }

    private void treeChanged(String ouId) {
        treeListeners.forEach(listener -> listener.accept(ouId));
    }

    /** True when the unit exists now. */
    public boolean exists(String id) {
        return repository.exists(id);
    }

    /** One unit. */
    public OrganisationUnit get(String id) {
        return repository.find(id).orElseThrow(() -> new NotFoundException("organisation unit", id));
    }

    /** One unit, if it exists. */
    public Optional<OrganisationUnit> find(String id) {
        return repository.find(id);
    }

    /** Every unit, parents before children, siblings by name. */
    public List<OrganisationUnit> all() {
        return flatten(tree());
    }

    /** The tree from headquarters down; empty before headquarters exists. */
    public List<OuNode> tree() {
        List<OrganisationUnit> units = repository.all();
        Map<String, List<OrganisationUnit>> byParent = units.stream()
            .filter(unit -> unit.parentId() != null)
            .collect(Collectors.groupingBy(OrganisationUnit::parentId));
        return units.stream().filter(unit -> unit.parentId() == null).sorted(BY_NAME)
            .map(root -> node(root, byParent)).toList();
    }

    private static OuNode node(OrganisationUnit unit, Map<String, List<OrganisationUnit>> byParent) {
        List<OuNode> children = byParent.getOrDefault(unit.id(), List.of()).stream().sorted(BY_NAME)
            .map(child -> node(child, byParent)).toList();
        return new OuNode(unit, children);
    }

    private static List<OrganisationUnit> flatten(List<OuNode> nodes) {
        List<OrganisationUnit> out = new ArrayList<>();
        Deque<OuNode> stack = new ArrayDeque<>();
        for (int i = nodes.size() - 1; i >= 0; i--) {
            stack.push(nodes.get(i));
        }
        while (!stack.isEmpty()) {
            OuNode node = stack.pop();
            out.add(node.unit());
            for (int i = node.children().size() - 1; i >= 0; i--) {
                stack.push(node.children().get(i));
            }
        }
        return out;
    }

    /** The unit and every unit below it. */
    public Set<String> subtreeOf(String id) {
        Map<String, List<String>> childrenByParent = repository.all().stream()
            .filter(unit -> unit.parentId() != null)
            .collect(Collectors.groupingBy(OrganisationUnit::parentId,
                Collectors.mapping(OrganisationUnit::id, Collectors.toList())));
        Set<String> subtree = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>(List.of(id));
        while (!pending.isEmpty()) {
            String next = pending.pop();
            if (subtree.add(next)) {
                pending.addAll(childrenByParent.getOrDefault(next, List.of()));
            }
        }
        return subtree;
    }

    /**
     * The units {@code actor} may see and manage: all of them for fleet-wide roles, the scoped
     * units and everything below them for a branch admin, none for staff.
     */
    public OuScope scopeOf(Actor actor) {
        if (actor.has(Role.FLEET_ADMIN) || actor.has(Role.HELPDESK) || actor.has(Role.AUDITOR)) {
            return OuScope.all();
        }
        if (!actor.has(Role.BRANCH_ADMIN)) {
            return OuScope.only(Set.of());
        }
        Set<String> visible = new HashSet<>();
        actor.ouScope().forEach(ouId -> visible.addAll(subtreeOf(ouId)));
        return OuScope.only(visible);
    }

    /** @throws ForbiddenException unless {@code ouId} is in the actor's scope */
    public void requireInScope(Actor actor, String ouId) {
        if (!scopeOf(actor).contains(ouId)) {
            throw new ForbiddenException(actor.username() + " may not manage organisation unit " + ouId);
        }
    }

    private void requireParent(String parentId) {
        if (repository.find(parentId).isEmpty()) {
            throw new InvalidInputException("parentId", Rule.UNKNOWN_UNIT, parentId);
        }
    }
}
