package io.kioskfleet.core.tickets;

/**
 * What a person gives to raise a ticket. A staff member names the device by its serial (printed
 * on the laptop, in the report page's short URL); an admin may name a device id or only a site.
 *
 * @param title        one line (required, at most 200 characters)
 * @param description  what happened (at most 4,000 characters), or null
 * @param priority     how urgent; null: P3 (staff cannot choose, their tickets start at P3)
 * @param category     what kind of problem; null: OTHER
 * @param deviceId     the device, or null
 * @param deviceSerial the device by serial, or null
 * @param deskId       the desk (its id or label), or null
 * @param ouId         the site when no device is named
 */
public record TicketDraft(String title, String description, TicketPriority priority, TicketCategory category,
                          String deviceId, String deviceSerial, String deskId, String ouId) {

    static final int MAX_TITLE = 200;
    static final int MAX_TEXT = 4_000;
}
