package io.kioskfleet.core.compliance;

import java.util.List;

/**
 * Told of compliance exceptions once, when they are first recorded: the place where tickets and
 * webhooks are connected. A sweep records what it finds a few hundred at a time, and a listener is
 * told of each such batch at once, so it can write once per batch (or once per device in it)
 * instead of once per session. A listener that fails does not undo the record.
 */
@FunctionalInterface
public interface ComplianceExceptionListener {

    /** Sessions whose wipes were found unproven for the first time (never empty). */
    void raised(List<ComplianceException> exceptions);
}
