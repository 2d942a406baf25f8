package io.kioskfleet.console.webhooks;

import io.kioskfleet.console.ConsolePage;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.input.InvalidInputException;
import io.kioskfleet.core.notifications.WebhookDeliveries;
import io.kioskfleet.core.notifications.WebhookDraft;
import io.kioskfleet.core.notifications.WebhookEndpoints;
import io.kioskfleet.core.notifications.WebhookFormat;
import io.kioskfleet.core.store.PageRequest;
import java.util.Arrays;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's webhook settings: endpoints (the secret typed once, never shown), each
 * endpoint's delivery log and queue, the dead letters with a retry button.
 */
@ConsolePage
public class WebhookPages {

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;

    public WebhookPages(WebhookEndpoints endpoints, WebhookDeliveries deliveries) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
    }

    @GetMapping("/webhooks")
    public String list(Actor actor, Model model) {
        model.addAttribute("endpoints", endpoints.list(actor));
        model.addAttribute("deadLetters", deliveries.deadLetters(actor));
        model.addAttribute("formats", WebhookFormat.values());
        return "webhooks";
    }

    @PostMapping("/webhooks")
    public String create(Actor actor, Model model, @RequestParam String name, @RequestParam String url,
                         @RequestParam WebhookFormat format, @RequestParam(required = false) String secret,
                         @RequestParam(required = false) String events) {
        List<String> wanted = events == null || events.isBlank() ? List.of()
            : Arrays.stream(events.split("[,\\s]+")).filter(type -> !type.isBlank()).toList();
        try {
            endpoints.create(actor, new WebhookDraft(name, url, format, secret, wanted, true));
        } catch (InvalidInputException refused) {
            model.addAttribute("errors", refused.errors());
            return list(actor, model);
        }
        return "redirect:/webhooks";
    }

    @GetMapping("/webhooks/{id}")
    public String endpoint(Actor actor, Model model, @PathVariable String id) {
        model.addAttribute("endpoint", endpoints.get(actor, id));
        model.addAttribute("log", deliveries.log(actor, id, new PageRequest(0, 100)).items());
        model.addAttribute("queue", deliveries.queued(actor, id));
        return "webhook";
    }

    @PostMapping("/webhooks/dead-letters/retry")
    public String retry(Actor actor, @RequestParam String deliveryId) {
        deliveries.retry(actor, deliveryId);
        return "redirect:/webhooks";
    }
}
