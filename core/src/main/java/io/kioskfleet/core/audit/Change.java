package io.kioskfleet.core.audit;

import java.util.Objects;

/**
 * A change to one stored document, described so the audit chain can record it and, after a
 * crash, find out whether it happened.
 *
 * @param action        what is done, e.g. {@code ou.create}
 * @param collection    the collection the document lives in
 * @param targetType    the kind of thing, e.g. {@code ou}
 * @param targetId      the document's id
 * @param targetVersion the document's version after the change (for a removal: the version removed)
 * @param removal       true when the change removes the document
 * @param before        the state before (a record or map), or null when created
 * @param after         the state after, or null when removed
 */
public record Change(String action, String collection, String targetType, String targetId, long targetVersion,
                     boolean removal, Object before, Object after) {

    public Change {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(targetType, "targetType");
        Objects.requireNonNull(targetId, "targetId");
    }

    /** A document created at version 1 (or {@code version}). */
    public static Change created(String action, String collection, String targetType, String targetId, long version,
                                 Object after) {
        return new Change(action, collection, targetType, targetId, version, false, null, after);
    }

    /** A document changed from {@code before} to {@code after}, which is at {@code version}. */
    public static Change changed(String action, String collection, String targetType, String targetId, long version,
                                 Object before, Object after) {
        return new Change(action, collection, targetType, targetId, version, false, before, after);
    }

    /** A document removed; {@code before} is what it was. */
    public static Change removed(String action, String collection, String targetType, String targetId, long version,
                                 Object before) {
        return new Change(action, collection, targetType, targetId, version, true, before, null);
    }

    /** The key that makes recording this change idempotent. */
    String key() {
        return targetType + ":" + targetId + ":" + (removal ? "removed" : "v" + targetVersion);
    }
}
