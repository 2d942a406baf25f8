package io.kioskfleet.core.timeline;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing that happened to a device.
 *
 * @param at     when
 * @param kind   what sort of thing: {@code change}, {@code command}, {@code session}, {@code attestation},
 *               {@code ticket}, {@code fault} or {@code checkin}
 * @param what   the action, command type, session end, wipe outcome ({@code VERIFIED}, {@code WIPE_FAILED},
 *               {@code REFUSED}) or ticket milestone ({@code OPENED}, {@code CLAIMED}, {@code RESOLVED},
 *               {@code CLOSED}): a stable word, translated by the console
 * @param detail who did it, the command's state, the session's state, why an attestation was refused,
 *               a ticket's title or handler, or where a check-in came from
 * @param ref    the id to look it up by (audit event, command, session (also of an attestation) or ticket), or null
 */
public record TimelineEntry(Instant at, String kind, String what, String detail, String ref) {

    public TimelineEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
    }
}
