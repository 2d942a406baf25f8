package io.kioskfleet.console.devices;

import io.kioskfleet.console.ConsolePage;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.commands.CommandOrder;
import io.kioskfleet.core.commands.DeviceCommands;
import io.kioskfleet.core.devices.Device;
import io.kioskfleet.core.devices.DeviceRegistry;
import io.kioskfleet.core.input.InvalidInputException;
import io.kioskfleet.core.input.Rule;
import io.kioskfleet.core.ous.OrganisationUnit;
import io.kioskfleet.core.ous.OrganisationUnits;
import io.kioskfleet.protocol.commands.CommandType;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Remote actions on many devices from the device list: the selection and the action lead to a
 * confirmation that says how many devices in which units; only then are the commands issued
 * (once, whatever happens to the browser: the confirmation carries an idempotency key).
 */
@ConsolePage
public class BulkCommandPages {

    /** The actions the list offers; locking a lost device has its own emergency stop. */
    static final List<CommandType> OFFERED = List.of(CommandType.LOGOUT, CommandType.WIPE, CommandType.REBOOT,
        CommandType.REFRESH_POLICY);

    private final DeviceRegistry devices;
    private final DeviceCommands commands;
    private final OrganisationUnits units;

    public BulkCommandPages(DeviceRegistry devices, DeviceCommands commands, OrganisationUnits units) {
        this.devices = devices;
        this.commands = commands;
        this.units = units;
    }

    @PostMapping("/devices/commands/confirm")
    public String confirm(Actor actor, Model model, @RequestParam(name = "device", required = false) List<String> deviceIds,
                          @RequestParam CommandType type) {
        if (deviceIds == null || deviceIds.isEmpty()) {
            throw new InvalidInputException("device", Rule.EMPTY);
        }
        List<Device> selected = deviceIds.stream().map(id -> devices.get(actor, id)).toList();
        Map<String, Integer> perUnit = new TreeMap<>();
        for (Device device : selected) {
            String unit = units.find(device.ouId()).map(OrganisationUnit::name).orElse(device.ouId());
            perUnit.merge(unit, 1, Integer::sum);
        }
        model.addAttribute("type", type);
        model.addAttribute("devices", selected);
        model.addAttribute("perUnit", perUnit);
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        return "bulk-confirm";
    }

    @PostMapping("/devices/commands")
    public String issue(Actor actor, Model model, @RequestParam(name = "device") List<String> deviceIds,
                        @RequestParam CommandType type, @RequestParam String idempotencyKey) {
        model.addAttribute("report", commands.issue(actor, new CommandOrder(type, deviceIds, null, null, null, idempotencyKey)));
        return "bulk-done";
    }
}
