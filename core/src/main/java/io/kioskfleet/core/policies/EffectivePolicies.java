package io.kioskfleet.core.policies;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.access.Role;
import io.kioskfleet.core.changes.ChangeNotices;
import io.kioskfleet.core.devices.Device;
import io.kioskfleet.core.devices.DeviceRegistry;
import io.kioskfleet.core.ous.OrganisationUnit;
import io.kioskfleet.core.ous.OrganisationUnits;
import io.kioskfleet.policies.compile.FleetPolicies;
import io.kioskfleet.policies.document.PolicyDocument;
import io.kioskfleet.policies.inheritance.DeviceException;
import io.kioskfleet.policies.inheritance.EffectivePolicy;
import io.kioskfleet.policies.inheritance.OuChain;
import io.kioskfleet.policies.inheritance.PolicyResolver;
import io.kioskfleet.protocol.policy.DevicePolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The policy in force at an OU or on a device, built from the OU tree (root to leaf), the policies
 * attached along it and the device's exception: each setting with its value, origin and lock.
 *
 * <p>For check-ins the tree, the documents in force and the exceptions are read once and kept in
 * memory with each unit's compiled payload, so a check-in costs no store read. Every change to
 * them (a publish, a rollback, an attachment, an exception, a unit created, moved or removed)
 * publishes a {@value #TOPIC} change notice: this instance drops the copy at once, other
 * instances at their next poll of the notices; while notices cannot be read, the copy is not
 * trusted and is read again. Admin reads ({@link #ofOu}, {@link #ofDevice}) always read the store.
 */
public final class EffectivePolicies {

    /** The change-notice topic of everything effective policies are built from. */
    public static final String TOPIC = "policies";
    /**
     * How long the check-in copy is kept at most, notices or not: the bound on a stale policy
     * should a writer stop between its change and its notice.
     */
    static final Duration MAX_AGE = Duration.ofMinutes(1);

    /** The roles that may read policies and where they apply. */
    static final Role[] READERS = {Role.FLEET_ADMIN, Role.BRANCH_ADMIN, Role.HELPDESK, Role.AUDITOR};

    private final OrganisationUnits units;
    private final DeviceRegistry devices;
    private final PolicyAttachmentRepository attachments;
    private final PublishedPolicies published;
    private final DeviceExceptionRepository exceptions;
    private final ChangeNotices notices;
    private final Clock clock;
    /** Kept for the whole run: it compiles each unit once and follows changes by comparing chains. */
    private final FleetPolicies devicePayloads = new FleetPolicies();
    private final AtomicReference<CheckInSnapshot> snapshot = new AtomicReference<>();
    /** Counts drops, so a snapshot read while a change came in is not kept. */
    private final AtomicLong drops = new AtomicLong();

    public EffectivePolicies(OrganisationUnits units, DeviceRegistry devices, PolicyAttachmentRepository attachments,
                             PublishedPolicies published, DeviceExceptionRepository exceptions, ChangeNotices notices,
                             Clock clock) {
        this.units = units;
        this.devices = devices;
        this.attachments = attachments;
        this.published = published;
        this.exceptions = exceptions;
        this.notices = notices;
        this.clock = clock;
        notices.subscribe(TOPIC, what -> drop(), this::drop);
        units.whenChanged(ouId -> changed("ou " + ouId));
    }

    /** The effective policy of an OU. */
    public EffectivePolicyReport ofOu(Actor actor, String ouId) {
        actor.requireAny(READERS);
        units.get(ouId);
        FleetPolicies fleet = new FleetPolicies();
        OuChain chain = layout().chain(ouId);
        return EffectivePolicyReport.of(fleet.effective(chain), fleet.payload(chain).etag(), null);
    }

    /** The effective policy of a device the actor may see, with its exception while it is active. */
    public EffectivePolicyReport ofDevice(Actor actor, String deviceId) {
        actor.requireAny(READERS);
        Device device = devices.get(actor, deviceId);
        Instant now = clock.instant();
        Optional<DeviceException> exception = activeException(deviceId, now);
        OuChain chain = layout().chain(device.ouId());
        FleetPolicies fleet = new FleetPolicies();
        return EffectivePolicyReport.of(fleet.effective(chain, exception, now), fleet.payload(chain, exception, now).etag(),
            exception.map(DeviceException::expiresAt).orElse(null));
    }

    /**
     * The compiled policy a device of {@code ouId} gets now, honouring its active exception: for
     * the device itself at check-in, so no actor.
     */
    public DevicePolicy payloadForDevice(String deviceId, String ouId) {
        CheckInSnapshot current = snapshot();
        if (!current.layout().has(ouId)) {
            drop(); // a unit newer than the copy (its notice may still be on its way): read again
            current = snapshot();
        }
        Instant now = clock.instant();
        DeviceExceptionGrant grant = current.exceptions().get(deviceId);
        if (grant != null && grant.activeAt(now)) {
            return devicePayloads.payload(current.layout().chain(ouId), Optional.of(grant.toException()), now);
        }
        CheckInSnapshot of = current;
        return current.payloadByOu().computeIfAbsent(ouId, id -> devicePayloads.payload(of.layout().chain(id)));
    }

    /**
     * Tells every instance that something effective policies are built from changed (call after
     * the change is stored); {@code what} says what, for the notice.
     */
    void changed(String what) {
        notices.publish(TOPIC, what);
    }

    private CheckInSnapshot snapshot() {
        CheckInSnapshot current = snapshot.get();
        if (usable(current)) {
            return current;
        }
        synchronized (snapshot) {
            // One thread reads the store; the check-ins arriving meanwhile wait and take its result.
            return readSnapshot(snapshot.get());
        }
    }

    private boolean usable(CheckInSnapshot current) {
        return current != null && notices.trusted() && current.readAt().plus(MAX_AGE).isAfter(clock.instant());
    }

    private CheckInSnapshot readSnapshot(CheckInSnapshot current) {
        if (usable(current)) {
            return current;
        }
        Instant now = clock.instant();
        long dropsBefore = drops.get();
        Map<String, DeviceExceptionGrant> grants = new HashMap<>();
        exceptions.all().forEach(grant -> grants.put(grant.deviceId(), grant));
        CheckInSnapshot fresh = new CheckInSnapshot(layout(), Map.copyOf(grants), new ConcurrentHashMap<>(), now);
        if (snapshot.compareAndSet(current, fresh) && drops.get() != dropsBefore) {
            snapshot.compareAndSet(fresh, null); // a change came in while it was read: read again next time
        }
        return fresh;
    }

    private void drop() {
        drops.incrementAndGet();
        snapshot.set(null);
    }

    /** The effective policy of an OU, for checks inside this package. */
    EffectivePolicy of(String ouId) {
        return PolicyResolver.resolve(layout().chain(ouId));
    }

    /** What a policy attached at {@code ouId} inherits: its parent's effective policy, or the defaults at the root. */
    EffectivePolicy inheritedBy(String ouId) {
        return inheritedBy(units.get(ouId), layout());
    }

    /** What the policy inherits at each OU where it is attached following its latest version. */
    List<EffectivePolicy> inheritedWhereFollowed(String policyId) {
        PolicyLayout layout = layout();
        return ousFollowing(policyId).stream().map(ouId -> inheritedBy(units.get(ouId), layout)).toList();
    }

    /** The OUs where {@code policyId} is attached following its latest version. */
    List<String> ousFollowing(String policyId) {
        return attachments.all().stream()
            .filter(attachment -> attachment.policyId().equals(policyId) && attachment.followsLatest())
            .map(PolicyAttachment::ouId).sorted().toList();
    }

    private static EffectivePolicy inheritedBy(OrganisationUnit unit, PolicyLayout layout) {
        return unit.parentId() == null ? PolicyResolver.defaults() : PolicyResolver.resolve(layout.chain(unit.parentId()));
    }

    /** The tree and the document in force at each OU now. */
    PolicyLayout layout() {
        Map<String, PolicyDocument> documents = new HashMap<>();
        for (PolicyAttachment attachment : attachments.all()) {
            published.documentOf(attachment).ifPresent(document -> documents.put(attachment.ouId(), document));
        }
        return new PolicyLayout(units.all(), documents);
    }

    /**
     * What check-ins need, read at one moment ({@code readAt}): the layout, every device's
     * exception, and each unit's compiled payload once it was asked for.
     */
    private record CheckInSnapshot(PolicyLayout layout, Map<String, DeviceExceptionGrant> exceptions,
                                   ConcurrentMap<String, DevicePolicy> payloadByOu, Instant readAt) {
    }

    /** The device's exception, if it has one active at {@code now}. */
    Optional<DeviceException> activeException(String deviceId, Instant now) {
        return exceptions.find(deviceId).filter(grant -> grant.activeAt(now)).map(DeviceExceptionGrant::toException);
    }
}
