package io.kioskfleet.console.policies;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.policies.DeviceExceptionView;
import io.kioskfleet.core.policies.DeviceExceptions;
import io.kioskfleet.core.policies.EffectivePolicies;
import io.kioskfleet.core.policies.EffectivePolicyReport;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/devices/{id}/policy-exceptions} and {@code …/effective-policy}: one device's policy. */
@RestController
@RequestMapping("/api/v1/devices/{id}")
public class DevicePolicyController {

    private final DeviceExceptions exceptions;
    private final EffectivePolicies effective;

    public DevicePolicyController(DeviceExceptions exceptions, EffectivePolicies effective) {
        this.exceptions = exceptions;
        this.effective = effective;
    }

    /** The device's exception (none or one), expired or not. */
    @GetMapping("/policy-exceptions")
    public List<DeviceExceptionView> exceptions(Actor actor, @PathVariable String id) {
        return exceptions.of(actor, id);
    }

    /** Grants an exception, replacing the device's previous one. */
    @PostMapping("/policy-exceptions")
    public ResponseEntity<DeviceExceptionView> grant(Actor actor, @PathVariable String id,
                                                     @RequestBody ExceptionRequest request) {
        DeviceExceptionView granted = exceptions.grant(actor, id, request.settings(), request.expiresAt(), request.reason());
        return ResponseEntity.created(URI.create("/api/v1/devices/" + id + "/policy-exceptions")).body(granted);
    }

    @DeleteMapping("/policy-exceptions")
    public ResponseEntity<Void> remove(Actor actor, @PathVariable String id) {
        exceptions.remove(actor, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/effective-policy")
    public EffectivePolicyReport effective(Actor actor, @PathVariable String id) {
        return effective.ofDevice(actor, id);
    }
}
