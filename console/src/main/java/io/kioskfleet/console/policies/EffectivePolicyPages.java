package io.kioskfleet.console.policies;

import io.kioskfleet.console.ConsolePage;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.devices.Device;
import io.kioskfleet.core.devices.DeviceRegistry;
import io.kioskfleet.core.ous.OrganisationUnit;
import io.kioskfleet.core.ous.OrganisationUnits;
import io.kioskfleet.core.policies.EffectivePolicies;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The console's effective-policy view: for a unit or a device, every setting that applies, its
 * value, which unit (or default, or device exception) it comes from and which unit locked it.
 */
@ConsolePage
public class EffectivePolicyPages {

    private final EffectivePolicies effective;
    private final OrganisationUnits units;
    private final DeviceRegistry devices;

    public EffectivePolicyPages(EffectivePolicies effective, OrganisationUnits units, DeviceRegistry devices) {
        this.effective = effective;
        this.units = units;
        this.devices = devices;
    }

    @GetMapping("/ous/{id}/effective-policy")
    public String ofUnit(Actor actor, Model model, @PathVariable String id) {
        OrganisationUnit unit = units.get(id);
        model.addAttribute("report", effective.ofOu(actor, id));
        model.addAttribute("subject", unit.name());
        model.addAttribute("backLink", "/ous/" + id);
        return page(model);
    }

    @GetMapping("/devices/{id}/effective-policy")
    public String ofDevice(Actor actor, Model model, @PathVariable String id) {
        Device device = devices.get(actor, id);
        model.addAttribute("report", effective.ofDevice(actor, id));
        model.addAttribute("subject", device.serial());
        model.addAttribute("backLink", "/devices/" + id);
        return page(model);
    }

    private String page(Model model) {
        Map<String, String> unitNames = units.all().stream()
            .collect(Collectors.toMap(OrganisationUnit::id, OrganisationUnit::name));
        model.addAttribute("unitNames", unitNames);
        return "effective-policy";
    }
}
