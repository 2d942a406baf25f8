package io.kioskfleet.core.compliance;

/**
 * Told of each compliance exception once, when it is first recorded: the place where tickets and
 * webhooks are to be connected. A listener that fails does not undo the record.
 */
@FunctionalInterface
public interface ComplianceExceptionListener {

    /** A session's wipe was found unproven for the first time. */
    void raised(ComplianceException exception);
}
