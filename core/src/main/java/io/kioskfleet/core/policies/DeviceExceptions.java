package io.kioskfleet.core.policies;

import io.kioskfleet.core.input.Rule;
import static io.kioskfleet.core.policies.EffectivePolicies.READERS;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.access.Role;
import io.kioskfleet.core.audit.AuditChain;
import io.kioskfleet.core.audit.Change;
import io.kioskfleet.core.devices.Device;
import io.kioskfleet.core.devices.DeviceRegistry;
import io.kioskfleet.core.input.InputCheck;
import io.kioskfleet.core.ous.OrganisationUnits;
import io.kioskfleet.core.store.NotFoundException;
import io.kioskfleet.policies.document.SettingsReader;
import io.kioskfleet.policies.report.Problem;
import io.kioskfleet.policies.report.ProblemList;
import io.kioskfleet.policies.source.SourceNode;
import io.kioskfleet.policies.validation.PolicyValidator;
import io.kioskfleet.protocol.canonical.CanonicalJson;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Time-limited exceptions for one device (USB storage for a week of data migration, say). An
 * exception must expire in the future and may not touch a locked setting; a device has at most
 * one, and granting another replaces it. A branch admin manages only devices of their units.
 */
public final class DeviceExceptions {

    static final int MAX_REASON = 500;

    private final DeviceExceptionRepository grants;
    private final DeviceRegistry devices;
    private final OrganisationUnits units;
    private final EffectivePolicies effective;
    private final AuditChain audit;
    private final Clock clock;
    private final PolicyValidator validator = new PolicyValidator();

    public DeviceExceptions(DeviceExceptionRepository grants, DeviceRegistry devices, OrganisationUnits units,
                            EffectivePolicies effective, AuditChain audit, Clock clock) {
        this.grants = grants;
        this.devices = devices;
        this.units = units;
        this.effective = effective;
        this.audit = audit;
        this.clock = clock;
    }

    /** Grants {@code settings} to one device until {@code expiresAt}, replacing any exception it had. */
    public DeviceExceptionView grant(Actor actor, String deviceId, Map<String, Object> settings, Instant expiresAt,
                                     String reason) {
        actor.requireAny(Role.FLEET_ADMIN, Role.BRANCH_ADMIN);
        Device device = devices.get(actor, deviceId);
        units.requireInScope(actor, device.ouId());
        new InputCheck()
            .require(settings != null && !settings.isEmpty(), "settings", Rule.EMPTY)
            .require(expiresAt != null, "expiresAt", Rule.REQUIRED)
            .require(reason == null || reason.length() <= MAX_REASON, "reason", Rule.TOO_LONG, MAX_REASON)
            .orThrow();
        Instant now = clock.instant();
        List<Problem> problems = validator.validateException(settings, expiresAt, effective.of(device.ouId()), now);
        if (!problems.isEmpty()) {
            throw new InvalidPolicyException(problems.stream().map(PolicyProblem::of).toList());
        }
        Map<String, Object> values = SettingsReader.read(SourceNode.ofPlainValue(settings), "settings", new ProblemList())
            .values();
        Optional<DeviceExceptionGrant> current = grants.find(deviceId);
        DeviceExceptionGrant grant = new DeviceExceptionGrant(deviceId, CanonicalJson.write(values), expiresAt,
            reason == null || reason.isBlank() ? null : reason.strip(), now, actor.username(),
            current.map(DeviceExceptionGrant::version).orElse(0L) + 1);
        audit.record(actor, Change.changed("device.policy-exception.grant", DeviceExceptionRepository.COLLECTION, "device",
            deviceId, grant.version(), current.orElse(null), grant), () -> grants.put(grant));
        effective.changed("exception " + deviceId);
        return DeviceExceptionView.of(grant, now);
    }

    /** The device's exception, expired or not, as a list of none or one. */
    public List<DeviceExceptionView> of(Actor actor, String deviceId) {
        actor.requireAny(READERS);
        devices.get(actor, deviceId);
        Instant now = clock.instant();
        return grants.find(deviceId).map(grant -> DeviceExceptionView.of(grant, now)).stream().toList();
    }

    /** Removes the device's exception; from now on it runs with its OU's policy. */
    public void remove(Actor actor, String deviceId) {
        actor.requireAny(Role.FLEET_ADMIN, Role.BRANCH_ADMIN);
        Device device = devices.get(actor, deviceId);
        units.requireInScope(actor, device.ouId());
        DeviceExceptionGrant current = grants.find(deviceId)
            .orElseThrow(() -> new NotFoundException("policy exception of device", deviceId));
        audit.record(actor, Change.removed("device.policy-exception.remove", DeviceExceptionRepository.COLLECTION, "device",
            deviceId, current.version(), current), () -> grants.delete(deviceId));
        effective.changed("exception " + deviceId);
    }
}
