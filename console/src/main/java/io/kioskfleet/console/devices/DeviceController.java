package io.kioskfleet.console.devices;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.checkin.LastSeen;
import io.kioskfleet.core.devices.Device;
import io.kioskfleet.core.devices.DeviceImport;
import io.kioskfleet.core.devices.DeviceQuery;
import io.kioskfleet.core.devices.DeviceRegistry;
import io.kioskfleet.core.devices.DeviceStatus;
import io.kioskfleet.core.directory.DeviceDirectory;
import io.kioskfleet.core.store.Page;
import io.kioskfleet.core.store.PageRequest;
import io.kioskfleet.core.timeline.DeviceTimeline;
import io.kioskfleet.core.timeline.TimelineEntry;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code /api/v1/devices}: pre-registering, listing, reading, editing and retiring devices, and their timelines. */
@RestController
@RequestMapping("/api/v1/devices")
public class DeviceController {

    private final DeviceRegistry devices;
    private final DeviceDirectory directory;
    private final DeviceTimeline timeline;

    public DeviceController(DeviceRegistry devices, DeviceDirectory directory, DeviceTimeline timeline) {
        this.devices = devices;
        this.directory = directory;
        this.timeline = timeline;
    }

    /**
     * Devices by serial, filtered by unit ({@code ou}, with sub-units unless {@code subUnits=false}), status, text,
     * tag and last check-in ({@code lastSeen=ONLINE|NEVER}, or {@code SILENT} with {@code silentHours}, 24 by default).
     */
    @GetMapping
    public Page<Device> list(Actor actor,
                             @RequestParam(required = false) String ou,
                             @RequestParam(defaultValue = "true") boolean subUnits,
                             @RequestParam(required = false) DeviceStatus status,
                             @RequestParam(name = "q", required = false) String text,
                             @RequestParam(required = false) String tag,
                             @RequestParam(required = false) LastSeen.Kind lastSeen,
                             @RequestParam(required = false) Integer silentHours,
                             @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "50") int size) {
        return directory.search(actor, new DeviceQuery(ou, subUnits, status, text, tag),
            LastSeen.requested(lastSeen, silentHours), new PageRequest(page, size));
    }

    @GetMapping("/{id}")
    public Device get(Actor actor, @PathVariable String id) {
        return devices.get(actor, id);
    }

    /**
     * The device's history, newest first: changes, commands, check-ins, faults, tickets (for
     * ticket handlers) and the sessions and wipe attestations of the last 30 days.
     */
    @GetMapping("/{id}/timeline")
    public List<TimelineEntry> timeline(Actor actor, @PathVariable String id) {
        return timeline.of(actor, id);
    }

    /**
     * Changes a device's unit, model, asset tag, tags or notes from the version read; a stale
     * version is 409, a move outside the caller's units 403.
     */
    @PatchMapping("/{id}")
    public Device edit(Actor actor, @PathVariable String id, @RequestBody DeviceChangeRequest request) {
        return devices.edit(actor, id, request.edit());
    }

    @PostMapping
    public ResponseEntity<Device> preRegister(Actor actor, @RequestBody DeviceRequest request) {
        Device device = devices.preRegister(actor, request.draft());
        return ResponseEntity.created(URI.create("/api/v1/devices/" + device.id())).body(device);
    }

    /**
     * Pre-registers every device in a CSV file sent as the request body. The body is streamed
     * to the registry, which reads it only up to its size limit.
     */
    @PostMapping(path = "/import", consumes = {"text/csv", MediaType.APPLICATION_OCTET_STREAM_VALUE})
    public DeviceImport importCsv(Actor actor, HttpServletRequest request, @RequestParam(defaultValue = "false") boolean dryRun)
        throws IOException {
        return devices.importCsv(actor, request.getInputStream(), dryRun);
    }

    /** The same, with the CSV file uploaded as the form field {@code file}. */
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public DeviceImport importCsvFile(Actor actor, @RequestPart("file") MultipartFile file,
                                      @RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
        try (var in = file.getInputStream()) {
            return devices.importCsv(actor, in, dryRun);
        }
    }

    @PostMapping("/{id}/retire")
    public Device retire(Actor actor, @PathVariable String id, @RequestBody(required = false) RetireRequest request) {
        RetireRequest body = request == null ? new RetireRequest(null, null) : request;
        return devices.retire(actor, id, body.reason(), body.version());
    }

    /** Lets an enrolled device (a re-imaged laptop) enroll once more with a new key; {@code ?version=} optional. */
    @PostMapping("/{id}/allow-reenrollment")
    public Device allowReenrollment(Actor actor, @PathVariable String id, @RequestParam(required = false) Long version) {
        return devices.allowReenrollment(actor, id, version);
    }
}
