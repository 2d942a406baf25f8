package io.kioskfleet.console.devices;

import io.kioskfleet.console.ConsolePage;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.devices.Device;
import io.kioskfleet.core.devices.DeviceDraft;
import io.kioskfleet.core.devices.DeviceRegistry;
import io.kioskfleet.core.input.InvalidInputException;
import io.kioskfleet.core.ous.OrganisationUnits;
import io.kioskfleet.core.ous.OuScope;
import io.kioskfleet.core.store.ConflictException;
import java.util.Arrays;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Pre-registering one laptop in the console, by its serial, model, unit and tags, for when a CSV
 * file would be too much (a replacement laptop, a single new desk).
 */
@ConsolePage
public class PreRegistrationPage {

    private final DeviceRegistry devices;
    private final OrganisationUnits units;

    public PreRegistrationPage(DeviceRegistry devices, OrganisationUnits units) {
        this.devices = devices;
        this.units = units;
    }

    @GetMapping("/devices/new")
    public String form(Actor actor, Model model) {
        OuScope scope = units.scopeOf(actor);
        model.addAttribute("units", units.all().stream().filter(unit -> scope.contains(unit.id())).toList());
        if (!model.containsAttribute("draft")) {
            model.addAttribute("draft", new DeviceDraft("", null, null, null, List.of(), null));
        }
        return "device-new";
    }

    @PostMapping("/devices/new")
    public String register(Actor actor, Model model, @RequestParam String serial, @RequestParam String ouId,
                           @RequestParam(name = "model", required = false) String deviceModel, @RequestParam(required = false) String assetTag,
                           @RequestParam(required = false) String tags, @RequestParam(required = false) String notes) {
        DeviceDraft draft = new DeviceDraft(serial, ouId, deviceModel, assetTag, tagsOf(tags), notes);
        try {
            Device registered = devices.preRegister(actor, draft);
            return "redirect:/devices/" + registered.id() + "?registered";
        } catch (InvalidInputException refused) {
            model.addAttribute("errors", refused.errors());
        } catch (ConflictException conflict) {
            model.addAttribute("conflict", conflict);
        }
        model.addAttribute("draft", draft);
        return form(actor, model);
    }

    /** Tags as typed in one box: separated by commas or spaces. */
    static List<String> tagsOf(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[,\\s、]+")).filter(tag -> !tag.isBlank()).toList();
    }
}
