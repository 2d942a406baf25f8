package io.kioskfleet.console.commands;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.commands.Command;
import io.kioskfleet.core.commands.CommandQuery;
import io.kioskfleet.core.commands.DeviceCommands;
import io.kioskfleet.core.commands.IssueReport;
import io.kioskfleet.core.store.Page;
import io.kioskfleet.core.store.PageRequest;
import io.kioskfleet.protocol.commands.CommandState;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/commands}: issuing commands to devices, listing, reading and cancelling them. */
@RestController
@RequestMapping("/api/v1/commands")
public class CommandController {

    private final DeviceCommands commands;

    public CommandController(DeviceCommands commands) {
        this.commands = commands;
    }

    /** One command per targeted device; the answer says, device by device, what happened. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public IssueReport issue(Actor actor, @RequestBody IssueRequest request) {
        return commands.issue(actor, request.order());
    }

    /** Commands newest first, filtered by {@code device} and {@code state}. */
    @GetMapping
    public Page<Command> list(Actor actor,
                              @RequestParam(name = "device", required = false) String deviceId,
                              @RequestParam(required = false) CommandState state,
                              @RequestParam(defaultValue = "0") int page,
                              @RequestParam(defaultValue = "50") int size) {
        return commands.search(actor, new CommandQuery(deviceId, state), new PageRequest(page, size));
    }

    @GetMapping("/{id}")
    public Command get(Actor actor, @PathVariable String id) {
        return commands.get(actor, id);
    }

    @PostMapping("/{id}/cancel")
    public Command cancel(Actor actor, @PathVariable String id) {
        return commands.cancel(actor, id);
    }
}
