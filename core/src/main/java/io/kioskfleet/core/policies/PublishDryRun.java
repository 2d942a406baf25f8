package io.kioskfleet.core.policies;

import static io.kioskfleet.core.policies.EffectivePolicies.READERS;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.devices.Device;
import io.kioskfleet.core.devices.DeviceQuery;
import io.kioskfleet.core.devices.DeviceRegistry;
import io.kioskfleet.core.devices.DeviceStatus;
import io.kioskfleet.core.ous.OrganisationUnit;
import io.kioskfleet.core.store.Page;
import io.kioskfleet.core.store.PageRequest;
import io.kioskfleet.policies.compile.FleetPolicies;
import io.kioskfleet.policies.document.PolicyDocument;
import io.kioskfleet.policies.inheritance.DeviceException;
import io.kioskfleet.policies.inheritance.EffectivePolicy;
import io.kioskfleet.policies.inheritance.OuChain;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Answers "what would publishing this draft do?" without writing anything: every OU is resolved
 * before and after, and the devices whose compiled payload differs are listed. Devices share
 * their OU's result unless they have an active exception, which is computed on its own.
 */
public final class PublishDryRun {

    private static final int DEVICE_PAGE = PageRequest.MAX_SIZE;

    private final PolicyLibrary library;
    private final EffectivePolicies effective;
    private final PublishedPolicies published;
    private final DeviceRegistry devices;
    private final Clock clock;

    public PublishDryRun(PolicyLibrary library, EffectivePolicies effective, PublishedPolicies published,
                         DeviceRegistry devices, Clock clock) {
        this.library = library;
        this.effective = effective;
        this.published = published;
        this.devices = devices;
        this.clock = clock;
    }

    /** What publishing the draft of {@code policyId} would change; refused like a publish when the draft is invalid. */
    public PublishPreview preview(Actor actor, String policyId) {
        actor.requireAny(READERS);
        Policy policy = library.get(actor, policyId);
        PolicyValidation validation = library.checkDraft(actor, policyId);
        if (!validation.valid()) {
            throw new InvalidPolicyException(validation.problems());
        }
        PolicyDocument draft = library.draftDocument(policy).orElseThrow();
        PolicyLayout before = effective.layout();
        PolicyLayout after = before.with(effective.ousFollowing(policyId), draft);
        Comparison comparison = new Comparison(new FleetPolicies(), new FleetPolicies(), clock.instant());
        List<PublishPreview.OuImpact> impacts = new ArrayList<>();
        List<PublishPreview.AffectedDevice> affected = new ArrayList<>();
        for (OrganisationUnit unit : before.units()) {
            OuChain chainBefore = before.chain(unit.id());
            OuChain chainAfter = after.chain(unit.id());
            EffectivePolicy was = comparison.before().effective(chainBefore);
            EffectivePolicy will = comparison.after().effective(chainAfter);
            if (was.settings().equals(will.settings())) {
                continue; // same values and locks: neither the OU nor any exception on top of it changes
            }
            List<PublishPreview.AffectedDevice> here = affectedDevices(actor, unit, chainBefore, chainAfter, comparison);
            boolean ouPayloadChanges = comparison.changes(chainBefore, chainAfter, Optional.empty());
            if (ouPayloadChanges || !here.isEmpty()) {
                impacts.add(new PublishPreview.OuImpact(unit.id(), unit.name(), here.size(),
                    PublishPreview.SettingValueChange.between(was, will)));
                affected.addAll(here);
            }
        }
        return new PublishPreview(policyId, published.latestNumber(policy), validation.etag(), affected.size(), impacts,
            affected);
    }

    private List<PublishPreview.AffectedDevice> affectedDevices(Actor actor, OrganisationUnit unit, OuChain before,
                                                                OuChain after, Comparison comparison) {
        List<PublishPreview.AffectedDevice> affected = new ArrayList<>();
        for (Device device : devicesOf(actor, unit.id())) {
            Optional<DeviceException> exception = effective.activeException(device.id(), comparison.now());
            if (comparison.changes(before, after, exception)) {
                affected.add(new PublishPreview.AffectedDevice(device.id(), device.serial(), unit.id(),
                    exception.isPresent()));
            }
        }
        return affected;
    }

    private List<Device> devicesOf(Actor actor, String ouId) {
        List<Device> found = new ArrayList<>();
        DeviceQuery query = new DeviceQuery(ouId, false, null, null);
        for (int page = 0; ; page++) {
            Page<Device> next = devices.search(actor, query, new PageRequest(page, DEVICE_PAGE));
            next.items().stream().filter(device -> device.status() != DeviceStatus.RETIRED).forEach(found::add);
            if ((long) (page + 1) * DEVICE_PAGE >= next.total()) {
                return found;
            }
        }
    }

    /** The fleet resolved before and after the publish, at one instant. */
    private record Comparison(FleetPolicies before, FleetPolicies after, Instant now) {

        boolean changes(OuChain chainBefore, OuChain chainAfter, Optional<DeviceException> exception) {
            return !before.payload(chainBefore, exception, now).etag()
                .equals(after.payload(chainAfter, exception, now).etag());
        }
    }
}
