package io.kioskfleet.console.home;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.devices.DeviceRegistry;
import io.kioskfleet.core.ous.OrganisationUnits;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's start page: the organisation at a glance and where to go next. */
@Controller
public class HomeController {

    private final OrganisationUnits units;
    private final DeviceRegistry devices;

    public HomeController(OrganisationUnits units, DeviceRegistry devices) {
        this.units = units;
        this.devices = devices;
    }

    @GetMapping("/")
    public String home(Actor actor, Model model) {
        model.addAttribute("actor", actor);
        model.addAttribute("units", units.all());
        model.addAttribute("deviceCounts", devices.countByStatus(actor));
        return "home";
    }
}
