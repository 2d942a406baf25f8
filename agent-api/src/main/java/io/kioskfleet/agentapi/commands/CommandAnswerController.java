package io.kioskfleet.agentapi.commands;

import io.kioskfleet.core.commands.CommandDelivery;
import io.kioskfleet.core.deviceauth.AuthenticatedDevice;
import io.kioskfleet.protocol.commands.CommandReceipt;
import io.kioskfleet.protocol.commands.CommandResult;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /agent/v1/commands/{id}/ack} and {@code …/result} (signed): a device acknowledges
 * one of its own commands and reports its outcome; repeating either is harmless. Another
 * device's command is not found. A locked device may call both.
 */
@RestController
public class CommandAnswerController {

    private final CommandDelivery delivery;

    public CommandAnswerController(CommandDelivery delivery) {
        this.delivery = delivery;
    }

    @PostMapping("/agent/v1/commands/{id}/ack")
    public CommandReceipt acknowledge(AuthenticatedDevice device, @PathVariable String id) {
        return delivery.acknowledge(device, id);
    }

    @PostMapping("/agent/v1/commands/{id}/result")
    public CommandReceipt result(AuthenticatedDevice device, @PathVariable String id, @RequestBody CommandResult result,
                                 HttpServletRequest request) {
        return delivery.report(device, id, result, request.getRemoteAddr());
    }
}
