package io.kioskfleet.console.commands;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.commands.DeviceCommands;
import io.kioskfleet.core.commands.IssueReport;
import io.kioskfleet.core.commands.LostDeviceContact;
import io.kioskfleet.core.commands.LostDeviceContacts;
import io.kioskfleet.core.devices.Device;
import io.kioskfleet.core.store.Page;
import io.kioskfleet.core.store.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The emergency stop of a lost device ({@code /api/v1/devices/{id}/lock}), its unlocking, and
 * the list of its contacts while locked.
 */
@RestController
@RequestMapping("/api/v1/devices/{id}")
public class LostDeviceController {

    private final DeviceCommands commands;
    private final LostDeviceContacts contacts;

    public LostDeviceController(DeviceCommands commands, LostDeviceContacts contacts) {
        this.commands = commands;
        this.contacts = contacts;
    }

    /** Locks the device now and queues a LOCK command for its next check-in. */
    @PostMapping("/lock")
    @ResponseStatus(HttpStatus.CREATED)
    public IssueReport lock(Actor actor, @PathVariable String id, @RequestBody(required = false) LockRequest request) {
        return commands.lock(actor, id, request == null ? null : request.reason());
    }

    @PostMapping("/unlock")
    public Device unlock(Actor actor, @PathVariable String id) {
        return commands.unlock(actor, id);
    }

    /** Each time the locked device reached the server, newest first. */
    @GetMapping("/lost-contacts")
    public Page<LostDeviceContact> lostContacts(Actor actor, @PathVariable String id,
                                                @RequestParam(defaultValue = "0") int page,
                                                @RequestParam(defaultValue = "50") int size) {
        return contacts.ofDevice(actor, id, new PageRequest(page, size));
    }
}
