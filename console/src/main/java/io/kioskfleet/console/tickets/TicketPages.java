package io.kioskfleet.console.tickets;

import io.kioskfleet.console.ConsolePage;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.access.ForbiddenException;
import io.kioskfleet.core.input.InvalidInputException;
import io.kioskfleet.core.store.ConflictException;
import io.kioskfleet.core.tickets.TicketCategory;
import io.kioskfleet.core.tickets.TicketDraft;
import io.kioskfleet.core.tickets.TicketPriority;
import io.kioskfleet.core.tickets.TicketQuery;
import io.kioskfleet.core.tickets.TicketState;
import io.kioskfleet.core.tickets.Tickets;
import io.kioskfleet.protocol.commands.CommandPayload;
import io.kioskfleet.protocol.commands.CommandType;
import io.kioskfleet.protocol.policy.LocalizedText;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's tickets: the queue by time to breach (who handles what), the ticket page with
 * its whole history and every action, and the staff "report a fault" page reached from a device
 * ({@code /report?device=<serial>}).
 */
@ConsolePage
public class TicketPages {

    private final Tickets tickets;

    public TicketPages(Tickets tickets) {
        this.tickets = tickets;
    }

    @GetMapping("/tickets")
    public String queue(Actor actor, Model model, @RequestParam(required = false) TicketState state,
                        @RequestParam(required = false) TicketPriority priority,
                        @RequestParam(required = false) String handler) {
        String who = "mine".equals(handler) ? actor.username() : (handler == null || handler.isBlank() ? null : handler);
        model.addAttribute("tickets", tickets.queue(actor, new TicketQuery(state, priority, null, who, null)));
        model.addAttribute("states", TicketState.values());
        model.addAttribute("priorities", TicketPriority.values());
        model.addAttribute("state", state);
        model.addAttribute("priority", priority);
        model.addAttribute("handler", handler);
        return "tickets";
    }

    /** Per branch: how many tickets were resolved remotely, and what the visits cost in travel. */
    @GetMapping("/tickets/report")
    public String remoteResolution(Actor actor, Model model) {
        model.addAttribute("branches", tickets.remoteResolution(actor, null, null));
        return "tickets-report";
    }

    @GetMapping("/tickets/{id}")
    public String ticket(Actor actor, Model model, @PathVariable String id) {
        model.addAttribute("details", tickets.get(actor, id));
        model.addAttribute("remoteActions", Tickets.REMOTE_ACTIONS);
        model.addAttribute("me", actor.username());
        model.addAttribute("priorities", TicketPriority.values());
        model.addAttribute("categories", TicketCategory.values());
        return "ticket";
    }

    @PostMapping("/tickets/{id}/claim")
    public String claim(Actor actor, Model model, @PathVariable String id) {
        return act(actor, model, id, () -> tickets.claim(actor, id));
    }

    @PostMapping("/tickets/{id}/release")
    public String release(Actor actor, Model model, @PathVariable String id) {
        return act(actor, model, id, () -> tickets.release(actor, id));
    }

    @PostMapping("/tickets/{id}/hand-over")
    public String handOver(Actor actor, Model model, @PathVariable String id, @RequestParam String to,
                           @RequestParam(required = false) String note) {
        return act(actor, model, id, () -> tickets.handOver(actor, id, to, note));
    }

    @PostMapping("/tickets/{id}/comment")
    public String comment(Actor actor, Model model, @PathVariable String id, @RequestParam String text) {
        return act(actor, model, id, () -> tickets.comment(actor, id, text));
    }

    @PostMapping("/tickets/{id}/move")
    public String move(Actor actor, Model model, @PathVariable String id, @RequestParam TicketState state,
                       @RequestParam(required = false) String note) {
        return act(actor, model, id, () -> tickets.move(actor, id, state, note));
    }

    @PostMapping("/tickets/{id}/remote-action")
    public String remoteAction(Actor actor, Model model, @PathVariable String id, @RequestParam CommandType type,
                               @RequestParam(required = false) String message) {
        CommandPayload payload = message == null || message.isBlank() ? CommandPayload.NONE
            : new CommandPayload(new LocalizedText(message, message), null, null);
        return act(actor, model, id, () -> tickets.remoteAction(actor, id, type, payload));
    }

    @PostMapping("/tickets/{id}/triage")
    public String triage(Actor actor, Model model, @PathVariable String id, @RequestParam TicketPriority priority,
                         @RequestParam TicketCategory category) {
        return act(actor, model, id, () -> tickets.triage(actor, id, priority, category));
    }

    @PostMapping("/tickets/{id}/visit")
    public String visit(Actor actor, Model model, @PathVariable String id,
                        @RequestParam(required = false) LocalDate plannedOn, @RequestParam String technician,
                        @RequestParam(required = false) String note) {
        return act(actor, model, id, () -> tickets.planVisit(actor, id, plannedOn, technician, note));
    }

    /** The staff page to report a fault, phone-friendly; the device comes from the short URL on its label. */
    @GetMapping("/report")
    public String reportForm(Model model, @RequestParam(name = "device", required = false) String serial) {
        model.addAttribute("serial", serial);
        model.addAttribute("categories", TicketCategory.values());
        return "report";
    }

    @PostMapping("/report")
    public String report(Actor actor, Model model, @RequestParam(name = "device", required = false) String serial,
                         @RequestParam String title, @RequestParam(required = false) String description,
                         @RequestParam(required = false) TicketCategory category,
                         @RequestParam(required = false) String desk) {
        try {
            model.addAttribute("raised", tickets.raise(actor, new TicketDraft(title, description, null, category, null,
                serial, desk, null)));
        } catch (InvalidInputException refused) {
            model.addAttribute("errors", refused.errors());
        }
        return reportForm(model, serial);
    }

    private String act(Actor actor, Model model, String id, Supplier<?> action) {
        try {
            action.get();
        } catch (ConflictException | InvalidInputException | ForbiddenException refused) {
            model.addAttribute("refused", refused instanceof InvalidInputException invalid
                ? invalid.errors().get(0).path() + ": " + invalid.errors().get(0).message() : refused.getMessage());
            return ticket(actor, model, id);
        }
        return "redirect:/tickets/" + id;
    }
}
