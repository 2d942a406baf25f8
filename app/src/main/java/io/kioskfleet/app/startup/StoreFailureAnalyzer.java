package io.kioskfleet.app.startup;

import io.kioskfleet.core.store.StoreUnavailableException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a store that cannot be opened as a short analysis rather than a stack trace. */
public class StoreFailureAnalyzer extends AbstractFailureAnalyzer<StoreUnavailableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StoreUnavailableException cause) {
        return new FailureAnalysis(cause.getMessage(),
            "Fix the data directory or MONGODB_URI as the description says, then start KioskFleet again.", cause);
    }
}
