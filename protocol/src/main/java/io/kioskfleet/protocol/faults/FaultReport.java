package io.kioskfleet.protocol.faults;

import java.time.Instant;

/**
 * A fault a device reports about itself, so IT staff hours away learn of it before anyone drives
 * there.
 *
 * @param reportId   chosen by the device, so a report sent again (after a lost answer) is kept once
 * @param category   what kind of fault
 * @param message    one line, at most {@value #MAX_MESSAGE} characters
 * @param logExcerpt the relevant log lines, at most {@value #MAX_LOG} characters, or null
 * @param observedAt when the device noticed it
 */
public record FaultReport(String reportId, FaultCategory category, String message, String logExcerpt, Instant observedAt) {

    /** The longest message. */
    public static final int MAX_MESSAGE = 500;
    /** The longest log excerpt: enough lines to help, too few to carry personal data in bulk. */
    public static final int MAX_LOG = 16_000;
}
