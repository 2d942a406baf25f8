package io.kioskfleet.agent;

import java.util.concurrent.atomic.AtomicLong;

/** The running counts of a {@link FleetSimulator}, updated by its virtual devices from any thread. */
final class SimulationTally {

    private final int devices;
    private final AtomicLong enrolled = new AtomicLong();
    private final AtomicLong checkIns = new AtomicLong();
    private final AtomicLong sessions = new AtomicLong();
    private final AtomicLong attestations = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();

    SimulationTally(int devices) {
        this.devices = devices;
    }

    void enrolled() {
        enrolled.incrementAndGet();
    }

    void checkedIn() {
        checkIns.incrementAndGet();
    }

    void sessionStarted() {
        sessions.incrementAndGet();
    }

    void attestationAccepted() {
        attestations.incrementAndGet();
    }

    void failed() {
        errors.incrementAndGet();
    }

    SimulationSummary summary() {
        return new SimulationSummary(devices, enrolled.get(), checkIns.get(), sessions.get(), attestations.get(), errors.get());
    }
}
