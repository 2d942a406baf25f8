package io.kioskfleet.core.notifications;

import java.util.List;

/**
 * What an admin gives to make or change a webhook endpoint.
 *
 * @param name    shown name (required)
 * @param url     http or https URL without credentials (required)
 * @param format  GENERIC_JSON (default) or CHAT
 * @param secret  the signing secret (GENERIC_JSON: required when making one; on a change, null keeps the saved one)
 * @param events  the event types wanted; null or empty: all
 * @param enabled null: true
 */
public record WebhookDraft(String name, String url, WebhookFormat format, String secret, List<String> events,
                           Boolean enabled) {
}
