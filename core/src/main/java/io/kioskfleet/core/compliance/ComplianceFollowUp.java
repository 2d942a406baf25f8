package io.kioskfleet.core.compliance;

import java.util.List;

/**
 * What is done, after a sweep, about one device's newly found exceptions (the service raises one
 * ticket for them). Runs apart from the sweep, so the sweep's time does not grow with it; see
 * {@link ComplianceExceptions#followUp()}.
 */
@FunctionalInterface
public interface ComplianceFollowUp {

    /**
     * Follows up {@code found} (all of {@code deviceId}, never empty). Throwing leaves them to be
     * followed up again later.
     */
    void followUp(String deviceId, List<ComplianceException> found);
}
