package io.kioskfleet.console.tickets;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.tickets.BranchResolution;
import io.kioskfleet.core.tickets.Ticket;
import io.kioskfleet.core.tickets.TicketDetails;
import io.kioskfleet.core.tickets.TicketDraft;
import io.kioskfleet.core.tickets.TicketPriority;
import io.kioskfleet.core.tickets.TicketQuery;
import io.kioskfleet.core.tickets.TicketState;
import io.kioskfleet.core.tickets.TicketView;
import io.kioskfleet.core.tickets.Tickets;
import java.time.Instant;
import java.util.List;
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
 * {@code /api/v1/tickets}: raising fault tickets, the queue by time to breach, claiming, handing
 * over, comments, state changes, remote actions, on-site visits and the remote-resolution report.
 */
@RestController
@RequestMapping("/api/v1/tickets")
public class TicketController {

    private final Tickets tickets;

    public TicketController(Tickets tickets) {
        this.tickets = tickets;
    }

    /** Raises a ticket (staff: for a device by serial, at P3). */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Ticket raise(Actor actor, @RequestBody TicketDraft draft) {
        return tickets.raise(actor, draft);
    }

    /** Open tickets the caller may see, nearest to breaching first; {@code handler=none} lists unclaimed ones. */
    @GetMapping
    public List<TicketView> queue(Actor actor,
                                  @RequestParam(required = false) TicketState state,
                                  @RequestParam(required = false) TicketPriority priority,
                                  @RequestParam(name = "ou", required = false) String ouId,
                                  @RequestParam(required = false) String handler,
                                  @RequestParam(name = "device", required = false) String deviceId) {
        return tickets.queue(actor, new TicketQuery(state, priority, ouId, handler, deviceId));
    }

    /** One ticket with its SLA, site, travel time and whole history (remote commands with their outcome). */
    @GetMapping("/{id}")
    public TicketDetails get(Actor actor, @PathVariable String id) {
        return tickets.get(actor, id);
    }

    @PostMapping("/{id}/claim")
    public Ticket claim(Actor actor, @PathVariable String id) {
        return tickets.claim(actor, id);
    }

    @PostMapping("/{id}/release")
    public Ticket release(Actor actor, @PathVariable String id) {
        return tickets.release(actor, id);
    }

    @PostMapping("/{id}/hand-over")
    public Ticket handOver(Actor actor, @PathVariable String id, @RequestBody TicketRequests.HandOver request) {
        return tickets.handOver(actor, id, request.to(), request.note());
    }

    @PostMapping("/{id}/comments")
    public Ticket comment(Actor actor, @PathVariable String id, @RequestBody TicketRequests.Comment request) {
        return tickets.comment(actor, id, request.text());
    }

    @PostMapping("/{id}/transitions")
    public Ticket move(Actor actor, @PathVariable String id, @RequestBody TicketRequests.Transition request) {
        return tickets.move(actor, id, request.state(), request.note());
    }

    @PostMapping("/{id}/triage")
    public Ticket triage(Actor actor, @PathVariable String id, @RequestBody TicketRequests.Triage request) {
        return tickets.triage(actor, id, request.priority(), request.category());
    }

    /** LOGOUT, WIPE, REBOOT, MESSAGE or LOCK to the ticket's device, through the command system. */
    @PostMapping("/{id}/remote-actions")
    public Ticket remoteAction(Actor actor, @PathVariable String id, @RequestBody TicketRequests.RemoteAction request) {
        return tickets.remoteAction(actor, id, request.type(), request.payload());
    }

    @PostMapping("/{id}/visit")
    public Ticket planVisit(Actor actor, @PathVariable String id, @RequestBody TicketRequests.Visit request) {
        return tickets.planVisit(actor, id, request.plannedOn(), request.technician(), request.note());
    }

    /** Per branch: tickets resolved in the period, how many remotely, and the travel the visits cost. */
    @GetMapping("/report/remote-resolution")
    public List<BranchResolution> remoteResolution(Actor actor, @RequestParam(required = false) Instant from,
                                                   @RequestParam(required = false) Instant to) {
        return tickets.remoteResolution(actor, from, to);
    }
}
