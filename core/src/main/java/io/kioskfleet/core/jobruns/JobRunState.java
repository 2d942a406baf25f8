package io.kioskfleet.core.jobruns;

/** Where a job run is in its life; COMPLETED, FAILED and CANCELLED are final. */
public enum JobRunState {
    /** Recorded, its work not begun yet. */
    STARTING,
    /** Its work is under way (a wave queuing its commands chunk by chunk). */
    RUNNING,
    /** Left running by an instance that stopped; taken up again where its progress record ends. */
    INTERRUPTED,
    /** Its work is done (a wave's commands are all queued; their delivery goes on). */
    COMPLETED,
    /** Its work could not be done; the detail says why. */
    FAILED,
    /** An admin cancelled it. */
    CANCELLED;

    /** True when nothing more will happen to a run in this state. */
    public boolean isFinal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
