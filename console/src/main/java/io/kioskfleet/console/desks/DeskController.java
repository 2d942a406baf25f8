package io.kioskfleet.console.desks;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.desks.Desk;
import io.kioskfleet.core.desks.DeskAvailability;
import io.kioskfleet.core.desks.DeskBookings;
import io.kioskfleet.core.desks.DeskCatalogue;
import io.kioskfleet.core.desks.DeskRemoval;
import io.kioskfleet.core.desks.DeskDraft;
import io.kioskfleet.core.desks.SlotKind;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code /api/v1/desks}: desks, a floor's availability for a slot, and each desk's QR code (PNG, SVG). */
@RestController
@RequestMapping("/api/v1/desks")
public class DeskController {

    private final DeskCatalogue catalogue;
    private final DeskBookings bookings;

    private final DeskRemoval removal;

    public DeskController(DeskCatalogue catalogue, DeskBookings bookings, DeskRemoval removal) {
        this.catalogue = catalogue;
        this.bookings = bookings;
        this.removal = removal;
    }

    @GetMapping
    public List<Desk> list(Actor actor, @RequestParam String site, @RequestParam(required = false) String floor) {
        return catalogue.desks(actor, site, floor);
    }

    @GetMapping("/{id}")
    public Desk get(Actor actor, @PathVariable String id) {
        return catalogue.desk(actor, id);
    }

    @PostMapping
    public ResponseEntity<Desk> create(Actor actor, @RequestBody DeskDraft draft) {
        Desk desk = catalogue.createDesk(actor, draft);
        return ResponseEntity.created(URI.create("/api/v1/desks/" + desk.id())).body(desk);
    }

    @PutMapping("/{id}")
    public Desk change(Actor actor, @PathVariable String id, @RequestBody DeskDraft draft,
                       @RequestParam(required = false) Long version) {
        return catalogue.changeDesk(actor, id, draft, version);
    }

    /** Removes a desk; 409 {@code desk-has-bookings} while bookings from today on hold it. */
    @DeleteMapping("/{id}")
    public ResponseEntity<Void> remove(Actor actor, @PathVariable String id) {
        removal.remove(actor, id);
        return ResponseEntity.noContent().build();
    }

    /** The desks of a floor and whether each is free for the slot on the date. */
    @GetMapping("/availability")
    public List<DeskAvailability> availability(Actor actor, @RequestParam String floor, @RequestParam LocalDate date,
                                               @RequestParam SlotKind kind, @RequestParam(required = false) Integer fromHour,
                                               @RequestParam(required = false) Integer toHour) {
        return bookings.floorPlan(actor, floor, date, kind, fromHour, toHour);
    }

    @GetMapping(value = "/{id}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    public byte[] qrPng(Actor actor, @PathVariable String id) {
        return DeskQrCodes.png(checkInUrl(catalogue.desk(actor, id)));
    }

    @GetMapping(value = "/{id}/qr.svg", produces = "image/svg+xml")
    public String qrSvg(Actor actor, @PathVariable String id) {
        return DeskQrCodes.svg(checkInUrl(catalogue.desk(actor, id)));
    }

    /** The page a scanned desk label opens: this service's address, as the caller reached it. */
    static String checkInUrl(Desk desk) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/desks/{id}/check-in").buildAndExpand(desk.id()).toUriString();
    }
}
