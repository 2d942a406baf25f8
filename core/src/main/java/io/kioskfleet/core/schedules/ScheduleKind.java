package io.kioskfleet.core.schedules;

/** What a schedule does when it fires. */
public enum ScheduleKind {
    /** Log every target device out. */
    LOGOUT_WAVE,
    /** Wipe every target device. */
    WIPE_WAVE,
    /** Log out and wipe at the same moment: the city's fixed-period erase. */
    LOGOUT_AND_WIPE,
    /** Restart every target device. */
    REBOOT,
    /** Sessions ended long ago without a verified wipe become compliance exceptions. */
    COMPLIANCE_SWEEP,
    /** Devices that have not checked in for too long are flagged. */
    STALE_DEVICE_SWEEP,
    /** Commands not acknowledged in time are escalated, then expired. */
    COMMAND_ESCALATION,
    /** Desk bookings nobody checked in to are released after a grace period. */
    NO_SHOW_RELEASE,
    /** Old records past their retention are purged (the purge itself is audited). */
    RETENTION_PURGE,
    /** An auditor's evidence report is produced for the past period. */
    EVIDENCE_REPORT,
    /** Laptops kept past their due time are reminded of, once per loan and day (to the borrower and to IT). */
    OVERDUE_LOAN_REMINDERS
}
