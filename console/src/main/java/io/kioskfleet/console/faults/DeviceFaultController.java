package io.kioskfleet.console.faults;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.faults.DeviceFault;
import io.kioskfleet.core.faults.DeviceFaults;
import io.kioskfleet.core.store.Page;
import io.kioskfleet.core.store.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/devices/{id}/faults}: what a device reported about itself in the last three months. */
@RestController
public class DeviceFaultController {

    private final DeviceFaults faults;

    public DeviceFaultController(DeviceFaults faults) {
        this.faults = faults;
    }

    @GetMapping("/api/v1/devices/{id}/faults")
    public Page<DeviceFault> ofDevice(Actor actor, @PathVariable String id, @RequestParam(defaultValue = "0") int page,
                                      @RequestParam(defaultValue = "50") int size) {
        return faults.ofDevice(actor, id, new PageRequest(page, size));
    }
}
