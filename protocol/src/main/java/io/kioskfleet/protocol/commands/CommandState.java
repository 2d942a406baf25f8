package io.kioskfleet.protocol.commands;

/** Where a command is in its life; SUCCEEDED, FAILED, EXPIRED and CANCELLED are final. */
public enum CommandState {
    /** Issued, not yet handed to the device. */
    QUEUED,
    /** Handed to the device in a check-in answer, not yet acknowledged (handed again until it is). */
    DELIVERED,
    /** The device confirmed it received the command. */
    ACKED,
    /** The device reported it carried the command out. */
    SUCCEEDED,
    /** The device reported it could not carry the command out. */
    FAILED,
    /** Not delivered before it expired. */
    EXPIRED,
    /** Taken back by an admin before the device acknowledged it. */
    CANCELLED;

    /** True when nothing more will happen to a command in this state. */
    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == EXPIRED || this == CANCELLED;
    }
}
