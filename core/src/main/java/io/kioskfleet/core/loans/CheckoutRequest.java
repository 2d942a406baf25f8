package io.kioskfleet.core.loans;

import java.time.Instant;

/**
 * A laptop handed out.
 *
 * @param deviceId the laptop
 * @param borrower who takes it; null for a laptop lent to a desk
 * @param deskId   the desk it is lent to, or null
 * @param dueAt    when it is due back; null: at the end of today's office day (20:00)
 */
public record CheckoutRequest(String deviceId, String borrower, String deskId, Instant dueAt) {
}
