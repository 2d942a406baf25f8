package io.kioskfleet.console.devices;

import io.kioskfleet.console.ConsolePage;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.access.Role;
import io.kioskfleet.core.checkin.LastSeen;
import io.kioskfleet.core.checkin.PresenceRepository;
import io.kioskfleet.core.input.InvalidInputException;
import io.kioskfleet.core.timeline.DeviceTimeline;
import io.kioskfleet.core.devices.Device;
import io.kioskfleet.core.devices.DeviceQuery;
import io.kioskfleet.core.devices.DeviceRegistry;
import io.kioskfleet.core.devices.DeviceStatus;
import io.kioskfleet.core.directory.DeviceDirectory;
import io.kioskfleet.core.ous.OrganisationUnit;
import io.kioskfleet.core.ous.OrganisationUnits;
import io.kioskfleet.core.store.Page;
import io.kioskfleet.core.store.PageRequest;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The console's device pages: the filterable list (also by last check-in) and one device with its timeline. */
@ConsolePage
public class DevicePages {

    private static final int PAGE_SIZE = 50;

    private final DeviceRegistry devices;
    private final OrganisationUnits units;
    private final DeviceTimeline timeline;
    private final DeviceDirectory directory;
    private final PresenceRepository presence;

    public DevicePages(DeviceRegistry devices, OrganisationUnits units, DeviceTimeline timeline,
                       DeviceDirectory directory, PresenceRepository presence) {
        this.devices = devices;
        this.units = units;
        this.timeline = timeline;
        this.directory = directory;
        this.presence = presence;
    }

    @GetMapping("/devices")
    public String list(Actor actor, Model model, @RequestParam(required = false) String ou,
                       @RequestParam(required = false) DeviceStatus status, @RequestParam(name = "q", required = false) String text,
                       @RequestParam(required = false) String tag,
                       @RequestParam(required = false) LastSeen.Kind lastSeen,
                       @RequestParam(required = false) Integer silentHours,
                       @RequestParam(defaultValue = "0") int page) {
        DeviceQuery query = new DeviceQuery(ou, true, status, text, tag);
        model.addAttribute("lastSeen", lastSeen);
        model.addAttribute("silentHours", silentHours == null ? 24 : silentHours);
        model.addAttribute("lastSeenKinds", LastSeen.Kind.values());
        Page<Device> found;
        try {
            found = directory.search(actor, query, LastSeen.requested(lastSeen, silentHours), new PageRequest(page, PAGE_SIZE));
        } catch (InvalidInputException refused) {
            model.addAttribute("errors", refused.errors());
            found = directory.search(actor, query, null, new PageRequest(0, PAGE_SIZE));
        }
        List<OrganisationUnit> all = units.all();
        model.addAttribute("query", query);
        model.addAttribute("page", found);
        model.addAttribute("lastPage", Math.max(0, (int) ((found.total() - 1) / PAGE_SIZE)));
        model.addAttribute("units", all);
        model.addAttribute("unitNames", all.stream().collect(Collectors.toMap(OrganisationUnit::id, OrganisationUnit::name)));
        model.addAttribute("statuses", DeviceStatus.values());
        model.addAttribute("offeredCommands", BulkCommandPages.OFFERED);
        return "devices";
    }

    @GetMapping("/devices/{id}")
    public String device(Actor actor, Model model, @PathVariable String id) {
        Device device = devices.get(actor, id);
        model.addAttribute("device", device);
        model.addAttribute("unitName", units.find(device.ouId()).map(OrganisationUnit::name).orElse(device.ouId()));
        model.addAttribute("timeline", timeline.of(actor, id));
        model.addAttribute("evidenceReader", actor.has(Role.AUDITOR) || actor.has(Role.FLEET_ADMIN));
        model.addAttribute("deviceEditor", actor.has(Role.FLEET_ADMIN) || actor.has(Role.BRANCH_ADMIN));
        model.addAttribute("presence", presence.find(id).orElse(null));
        return "device";
    }
}
