package io.kioskfleet.core.notifications;

import io.kioskfleet.core.compliance.ComplianceException;
import io.kioskfleet.core.compliance.ComplianceExceptionListener;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Publishes each compliance exception to the webhook outbox, once per session; a sweep's batch of
 * them is written in one insert.
 */
public final class ComplianceNotices implements ComplianceExceptionListener {

    private final Outbox outbox;

    public ComplianceNotices(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void raised(List<ComplianceException> exceptions) {
        outbox.complianceExceptions(exceptions.stream().map(ComplianceNotices::noticeOf).toList());
    }

    private static Outbox.ComplianceNotice noticeOf(ComplianceException exception) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("sessionId", exception.sessionId());
        details.put("deviceId", exception.deviceId());
        details.put("sessionState", exception.sessionState().name());
        details.put("sessionEndedAt", exception.sessionEndedAt());
        details.put("foundAt", exception.foundAt());
        details.put("runId", exception.runId());
        details.values().removeIf(value -> value == null);
        return new Outbox.ComplianceNotice("unverified-wipe:" + exception.sessionId(), exception.ouId(),
            "No verified wipe for session " + exception.sessionId() + " on " + exception.deviceId(), details);
    }
}
