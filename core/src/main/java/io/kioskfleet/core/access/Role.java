package io.kioskfleet.core.access;

/** What a signed-in person may do. */
public enum Role {
    /** Everything, everywhere. */
    FLEET_ADMIN,
    /** Devices, desks and tickets of the OUs in the user's scope (and their sub-OUs). */
    BRANCH_ADMIN,
    /** Tickets and remote actions. */
    HELPDESK,
    /** Read-only: evidence and the audit chain. */
    AUDITOR,
    /** Books desks, borrows laptops, reports faults. */
    STAFF
}
