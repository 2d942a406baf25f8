package io.kioskfleet.core.notifications;

/** Where a queued delivery stands; a delivered one leaves the queue for the delivery log. */
public enum DeliveryState {
    /** To be sent (again), at its next attempt time. */
    PENDING,
    /** Gave up after the last attempt; waits for a manual retry and holds back later events of its order key. */
    DEAD
}
