package io.kioskfleet.console.devices;

import io.kioskfleet.console.ConsolePage;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.devices.Device;
import io.kioskfleet.core.devices.DeviceEdit;
import io.kioskfleet.core.devices.DeviceRegistry;
import io.kioskfleet.core.input.InvalidInputException;
import io.kioskfleet.core.ous.OrganisationUnits;
import io.kioskfleet.core.ous.OuScope;
import io.kioskfleet.core.store.ConflictException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Editing a device after pre-registration in the console: its unit (only units the user
 * manages are offered), model, asset tag, tags and note, from the version the form showed.
 */
@ConsolePage
public class DeviceEditPage {

    private final DeviceRegistry devices;
    private final OrganisationUnits units;

    public DeviceEditPage(DeviceRegistry devices, OrganisationUnits units) {
        this.devices = devices;
        this.units = units;
    }

    @GetMapping("/devices/{id}/edit")
    public String form(Actor actor, Model model, @PathVariable String id) {
        Device device = devices.get(actor, id);
        OuScope scope = units.scopeOf(actor);
        model.addAttribute("device", device);
        model.addAttribute("units", units.all().stream().filter(unit -> scope.contains(unit.id())).toList());
        if (!model.containsAttribute("edit")) {
            model.addAttribute("edit", new DeviceEdit(device.ouId(), device.model(), device.assetTag(), device.tags(),
                device.notes(), device.version()));
        }
        return "device-edit";
    }

    @PostMapping("/devices/{id}/edit")
    public String save(Actor actor, Model model, @PathVariable String id, @RequestParam String ouId,
                       @RequestParam(name = "model", defaultValue = "") String deviceModel,
                       @RequestParam(defaultValue = "") String assetTag, @RequestParam(defaultValue = "") String tags,
                       @RequestParam(defaultValue = "") String notes, @RequestParam(required = false) Long version) {
        DeviceEdit edit = new DeviceEdit(ouId, deviceModel, assetTag, PreRegistrationPage.tagsOf(tags), notes, version);
        try {
            devices.edit(actor, id, edit);
            return "redirect:/devices/" + id + "?saved";
        } catch (InvalidInputException refused) {
            model.addAttribute("errors", refused.errors());
        } catch (ConflictException conflict) {
            model.addAttribute("conflict", conflict);
        }
        model.addAttribute("edit", edit);
        return form(actor, model, id);
    }
}
