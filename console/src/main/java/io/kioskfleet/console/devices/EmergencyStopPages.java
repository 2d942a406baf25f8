package io.kioskfleet.console.devices;

import io.kioskfleet.console.ConsolePage;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.commands.DeviceCommands;
import io.kioskfleet.core.devices.Device;
import io.kioskfleet.core.devices.DeviceRegistry;
import io.kioskfleet.core.ous.OrganisationUnit;
import io.kioskfleet.core.ous.OrganisationUnits;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The emergency stop for a lost laptop: from the device list, "Lock" opens a confirmation that
 * names the device and its unit; confirming locks it (two clicks from a search).
 */
@ConsolePage
public class EmergencyStopPages {

    private final DeviceRegistry devices;
    private final DeviceCommands commands;
    private final OrganisationUnits units;

    public EmergencyStopPages(DeviceRegistry devices, DeviceCommands commands, OrganisationUnits units) {
        this.devices = devices;
        this.commands = commands;
        this.units = units;
    }

    @GetMapping("/devices/{id}/lock")
    public String confirm(Actor actor, Model model, @PathVariable String id) {
        Device device = devices.get(actor, id);
        model.addAttribute("device", device);
        model.addAttribute("unitName", units.find(device.ouId()).map(OrganisationUnit::name).orElse(device.ouId()));
        return "lock";
    }

    @PostMapping("/devices/{id}/lock")
    public String lock(Actor actor, @PathVariable String id, @RequestParam(required = false) String reason) {
        commands.lock(actor, id, reason);
        return "redirect:/devices/" + id + "?locked";
    }

    @PostMapping("/devices/{id}/unlock")
    public String unlock(Actor actor, @PathVariable String id) {
        commands.unlock(actor, id);
        return "redirect:/devices/" + id + "?unlocked";
    }
}
