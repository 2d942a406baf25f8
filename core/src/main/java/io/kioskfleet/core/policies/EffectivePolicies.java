package io.kioskfleet.core.policies;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.access.Role;
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
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The policy in force at an OU or on a device, built from the OU tree (root to leaf), the policies
 * attached along it and the device's exception: each setting with its value, origin and lock.
 */
public final class EffectivePolicies {

    /** The roles that may read policies and where they apply. */
    static final Role[] READERS = {Role.FLEET_ADMIN, Role.BRANCH_ADMIN, Role.HELPDESK, Role.AUDITOR};

    private final OrganisationUnits units;
    private final DeviceRegistry devices;
    private final PolicyAttachmentRepository attachments;
    private final PublishedPolicies published;
    private final DeviceExceptionRepository exceptions;
    private final Clock clock;
    /** Kept for the whole run: it compiles each unit once and follows changes by comparing chains. */
    private final FleetPolicies devicePayloads = new FleetPolicies();

    public EffectivePolicies(OrganisationUnits units, DeviceRegistry devices, PolicyAttachmentRepository attachments,
                             PublishedPolicies published, DeviceExceptionRepository exceptions, Clock clock) {
        this.units = units;
        this.devices = devices;
        this.attachments = attachments;
        this.published = published;
        this.exceptions = exceptions;
        this.clock = clock;
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
        Instant now = clock.instant();
        return devicePayloads.payload(layout().chain(ouId), activeException(deviceId, now), now);
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

    /** The device's exception, if it has one active at {@code now}. */
    Optional<DeviceException> activeException(String deviceId, Instant now) {
        return exceptions.find(deviceId).filter(grant -> grant.activeAt(now)).map(DeviceExceptionGrant::toException);
    }
}
