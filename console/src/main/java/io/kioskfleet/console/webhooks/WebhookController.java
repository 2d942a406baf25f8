package io.kioskfleet.console.webhooks;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.notifications.DeliveryLogEntry;
import io.kioskfleet.core.notifications.WebhookDeliveries;
import io.kioskfleet.core.notifications.WebhookDelivery;
import io.kioskfleet.core.notifications.WebhookDraft;
import io.kioskfleet.core.notifications.WebhookEndpointView;
import io.kioskfleet.core.notifications.WebhookEndpoints;
import io.kioskfleet.core.store.Page;
import io.kioskfleet.core.store.PageRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/webhooks}: outbound webhook endpoints (the secret is write-only), their delivery
 * log and queue, the dead letters and their manual retry. Fleet admins only.
 */
@RestController
@RequestMapping("/api/v1/webhooks")
public class WebhookController {

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;

    public WebhookController(WebhookEndpoints endpoints, WebhookDeliveries deliveries) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
    }

    /** The body of a manual retry: delivery ids contain '/' and '@', so they travel in the body. */
    public record RetryRequest(String deliveryId) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public WebhookEndpointView create(Actor actor, @RequestBody WebhookDraft draft) {
        return endpoints.create(actor, draft);
    }

    @GetMapping
    public List<WebhookEndpointView> list(Actor actor) {
        return endpoints.list(actor);
    }

    @GetMapping("/{id}")
    public WebhookEndpointView get(Actor actor, @PathVariable String id) {
        return endpoints.get(actor, id);
    }

    /** Changes an endpoint at {@code version}; leave {@code secret} out to keep the saved one. */
    @PutMapping("/{id}")
    public WebhookEndpointView change(Actor actor, @PathVariable String id, @RequestParam long version,
                                      @RequestBody WebhookDraft draft) {
        return endpoints.change(actor, id, draft, version);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void remove(Actor actor, @PathVariable String id, @RequestParam long version) {
        endpoints.remove(actor, id, version);
    }

    /** Every attempt to this endpoint in the last two months, newest first. */
    @GetMapping("/{id}/log")
    public Page<DeliveryLogEntry> log(Actor actor, @PathVariable String id, @RequestParam(defaultValue = "0") int page,
                                      @RequestParam(defaultValue = "50") int size) {
        return deliveries.log(actor, id, new PageRequest(page, size));
    }

    /** What is still to be delivered to this endpoint, in the order it will go. */
    @GetMapping("/{id}/queue")
    public List<WebhookDelivery> queue(Actor actor, @PathVariable String id) {
        return deliveries.queued(actor, id);
    }

    @GetMapping("/dead-letters")
    public List<WebhookDelivery> deadLetters(Actor actor) {
        return deliveries.deadLetters(actor);
    }

    @PostMapping("/dead-letters/retry")
    public WebhookDelivery retry(Actor actor, @RequestBody RetryRequest request) {
        return deliveries.retry(actor, request.deliveryId());
    }
}
