package io.kioskfleet.core.tickets;

/**
 * Why the service raised a ticket on its own. Tickets of one cause on one device are merged
 * while open (see {@link AutomaticTickets}).
 */
public enum AutomaticCause {
    /** The device's agent reported a fault. */
    DEVICE_FAULT(TicketCategory.HARDWARE, TicketPriority.P3),
    /** A session's wipe attestation showed data left behind. */
    WIPE_FAILED(TicketCategory.WIPE, TicketPriority.P2),
    /** A session ended without a wipe proof in time (raised by the sweeps). */
    UNVERIFIED_WIPE(TicketCategory.WIPE, TicketPriority.P2),
    /** A command the device carried out failed. */
    COMMAND_FAILED(TicketCategory.MANAGEMENT, TicketPriority.P3),
    /** A command was never acknowledged (raised by the sweeps). */
    COMMAND_UNACKNOWLEDGED(TicketCategory.MANAGEMENT, TicketPriority.P3),
    /** The device has not checked in for too long (raised by the sweeps). */
    DEVICE_SILENT(TicketCategory.NETWORK, TicketPriority.P3);

    private final TicketCategory category;
    private final TicketPriority priority;

    AutomaticCause(TicketCategory category, TicketPriority priority) {
        this.category = category;
        this.priority = priority;
    }

    /** The category a ticket of this cause starts with. */
    public TicketCategory category() {
        return category;
    }

    /** The priority a ticket of this cause starts with. */
    public TicketPriority priority() {
        return priority;
    }

    /** The key that is unique while a ticket of this cause for this device is open. */
    public String openKeyFor(String deviceId) {
        return "auto:" + name() + ":" + deviceId;
    }
}
