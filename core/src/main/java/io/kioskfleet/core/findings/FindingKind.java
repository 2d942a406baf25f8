package io.kioskfleet.core.findings;

/** What a finding is about. */
public enum FindingKind {
    /** A device that has not checked in for longer than the sweep's threshold. */
    SILENT_DEVICE,
    /** A command its device has not acknowledged within the sweep's threshold. */
    OVERDUE_COMMAND
}
