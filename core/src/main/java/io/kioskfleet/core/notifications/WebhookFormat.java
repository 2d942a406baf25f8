package io.kioskfleet.core.notifications;

/** How a webhook endpoint wants its events. */
public enum WebhookFormat {
    /** The event as JSON, signed: {@code X-KioskFleet-Signature: sha256=<hex HMAC of the body>}. */
    GENERIC_JSON,
    /** A chat tool's incoming webhook: {@code {"text": "…"}}. */
    CHAT
}
