package io.kioskfleet.core.notifications;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexModel;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.access.Role;
import io.kioskfleet.core.audit.AuditChain;
import io.kioskfleet.core.audit.Change;
import io.kioskfleet.core.input.InputCheck;
import io.kioskfleet.core.store.DeclaresIndexes;
import io.kioskfleet.core.store.FleetStore;
import io.kioskfleet.core.store.IdKind;
import io.kioskfleet.core.store.NotFoundException;
import io.kioskfleet.core.store.VersionedDocuments;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Webhook endpoints ({@code webhook_endpoints}), fleet admins only: URLs are checked (http or
 * https, a host, no credentials, loopback only when allowed for tests), the secret is write-only.
 */
public final class WebhookEndpoints implements DeclaresIndexes {

    static final String COLLECTION = "webhook_endpoints";
    private static final int MAX_URL = 2_000;
    private static final int MIN_SECRET = 16;

    private final MongoCollection<WebhookEndpoint> endpoints;
    private final VersionedDocuments<WebhookEndpoint> versioned;
    private final AuditChain audit;
    private final boolean allowLoopback;
    private final Clock clock;

    /** @param allowLoopback true to accept {@code localhost} and 127.0.0.0/8 URLs (tests against a local receiver) */
    public WebhookEndpoints(FleetStore store, AuditChain audit, boolean allowLoopback, Clock clock) {
        this.endpoints = store.collection(COLLECTION, WebhookEndpoint.class);
        this.versioned = store.versioned(endpoints, "webhook endpoint", WebhookEndpoint::version);
        this.audit = audit;
        this.allowLoopback = allowLoopback;
        this.clock = clock;
    }

    @Override
    public String collectionName() {
        return COLLECTION;
    }

    @Override
    public List<IndexModel> indexes() {
        return List.of();
    }

    /** Saves a new endpoint; its secret is never shown again. */
    public WebhookEndpointView create(Actor actor, WebhookDraft draft) {
        actor.requireAny(Role.FLEET_ADMIN);
        WebhookFormat format = check(draft, true);
        Instant now = clock.instant();
        WebhookEndpoint endpoint = new WebhookEndpoint(IdKind.WEBHOOK_ENDPOINT.newId(), draft.name().strip(),
            draft.url().strip(), format, blankToNull(draft.secret()), draft.events(), draft.enabled() == null || draft.enabled(),
            now, now, 1);
        WebhookEndpointView view = WebhookEndpointView.of(endpoint);
        audit.record(actor, Change.created("webhook.create", COLLECTION, "webhook", endpoint.id(), 1, view),
            () -> endpoints.insertOne(endpoint));
        return view;
    }

    /** Changes an endpoint; a null secret keeps the saved one. */
    public WebhookEndpointView change(Actor actor, String id, WebhookDraft draft, long expectedVersion) {
        actor.requireAny(Role.FLEET_ADMIN);
        WebhookEndpoint current = find(id);
        WebhookFormat format = check(draft, false);
        String secret = draft.secret() == null ? current.secret() : blankToNull(draft.secret());
        WebhookEndpoint changed = new WebhookEndpoint(id, draft.name().strip(), draft.url().strip(), format, secret,
            draft.events(), draft.enabled() == null || draft.enabled(), current.createdAt(), clock.instant(),
            expectedVersion + 1);
        WebhookEndpointView view = WebhookEndpointView.of(changed);
        audit.record(actor, Change.changed("webhook.change", COLLECTION, "webhook", id, changed.version(),
            WebhookEndpointView.of(current), view), () -> versioned.replace(id, changed, expectedVersion));
        return view;
    }

    /** Removes an endpoint; its queued deliveries are dropped by the worker when it finds no endpoint. */
    public void remove(Actor actor, String id, long expectedVersion) {
        actor.requireAny(Role.FLEET_ADMIN);
        WebhookEndpoint current = find(id);
        audit.record(actor, Change.removed("webhook.remove", COLLECTION, "webhook", id, current.version(),
            WebhookEndpointView.of(current)), () -> versioned.delete(id, expectedVersion));
    }

    /** Every endpoint, without secrets. */
    public List<WebhookEndpointView> list(Actor actor) {
        actor.requireAny(Role.FLEET_ADMIN);
        return endpoints.find().into(new ArrayList<>()).stream().map(WebhookEndpointView::of).toList();
    }

    /** One endpoint, without its secret. */
    public WebhookEndpointView get(Actor actor, String id) {
        actor.requireAny(Role.FLEET_ADMIN);
        return WebhookEndpointView.of(find(id));
    }

    /** The stored endpoint with its secret, for the delivery worker only. */
    public Optional<WebhookEndpoint> forDelivery(String id) {
        return versioned.find(id);
    }

    /** Every stored endpoint, for fanning events out. */
    List<WebhookEndpoint> all() {
        return endpoints.find().into(new ArrayList<>());
    }

    private WebhookEndpoint find(String id) {
        return versioned.find(id).orElseThrow(() -> new NotFoundException("webhook endpoint", id));
    }

    private WebhookFormat check(WebhookDraft draft, boolean creating) {
        new InputCheck().require(draft != null, "", "an endpoint is required").orThrow();
        WebhookFormat format = draft.format() == null ? WebhookFormat.GENERIC_JSON : draft.format();
        InputCheck check = new InputCheck()
            .require(draft.name() != null && !draft.name().isBlank() && draft.name().length() <= 200, "name",
                "is required, at most 200 characters")
            .require(draft.secret() == null || draft.secret().isBlank() || draft.secret().length() >= MIN_SECRET, "secret",
                "must be at least " + MIN_SECRET + " characters")
            .require(!creating || format != WebhookFormat.GENERIC_JSON || (draft.secret() != null && !draft.secret().isBlank()),
                "secret", "is required for GENERIC_JSON, so receivers can check the signature")
            .require(draft.events() == null || draft.events().stream().allMatch(type -> type != null
                && type.matches("[a-z]+\\.[a-z_-]+")), "events", "must be event types such as ticket.raised");
        String problem = urlProblem(draft.url());
        check.require(problem == null, "url", problem).orThrow();
        return format;
    }

    /** Why {@code url} cannot be used, or null when it can. */
    String urlProblem(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_URL) {
            return "is required, at most " + MAX_URL + " characters";
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return "is not a valid URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "must start with http:// or https://";
        }
        if (uri.getRawUserInfo() != null) {
            return "must not contain a user name or password; use the secret for signing";
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return "must name a host";
        }
        if (!allowLoopback && isLoopback(uri.getHost())) {
            return "must not point at this machine (localhost)";
        }
        return null;
    }

    private static boolean isLoopback(String host) {
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost") || bare.toLowerCase(Locale.ROOT).endsWith(".localhost")) {
            return true;
        }
        if (!bare.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false; // a name: not resolved here, so saving never waits for DNS
        }
        try {
            InetAddress address = InetAddress.getByName(bare);
            return address.isLoopbackAddress() || address.isAnyLocalAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
