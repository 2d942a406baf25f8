package io.kioskfleet.core.store;

/** An update named a version that is no longer current: someone else changed it first. */
public class VersionConflictException extends ConflictException {

    private final long currentVersion;

    public VersionConflictException(String kind, String id, long expected, long currentVersion) {
        super("stale-version", kind + " " + id + " is at version " + currentVersion
            + ", not " + expected + "; reload it and apply the change again");
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
