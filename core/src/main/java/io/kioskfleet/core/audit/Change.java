package io.kioskfleet.core.audit;

import java.util.Objects;

/**
 * A change to one stored document, described so the audit chain can record it and, after a
 * crash, find out whether it happened.
 *
 * @param action        what is done, e.g. {@code ou.create}
 * @param collection    the collection the changed document lives in
 * @param targetType    the kind of thing the event is about, e.g. {@code ou}
 * @param targetId      the id of the thing the event is about
 * @param documentId    the changed document's id (usually {@code targetId})
 * @param targetVersion the document's version after the change (for a removal: the version removed)
 * @param removal       true when the change removes the document
 * @param before        the state before (a record or map), or null when created
 * @param after         the state after, or null when removed
 */
public record Change(String action, String collection, String targetType, String targetId, String documentId,
                     long targetVersion, boolean removal, Object before, Object after) {

    public Change {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(targetType, "targetType");
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(documentId, "documentId");
    }

    /** A document created at version 1 (or {@code version}). */
    public static Change created(String action, String collection, String targetType, String targetId, long version,
                                 Object after) {
        return new Change(action, collection, targetType, targetId, targetId, version, false, null, after);
    }

    /** A document changed from {@code before} to {@code after}, which is at {@code version}. */
    public static Change changed(String action, String collection, String targetType, String targetId, long version,
                                 Object before, Object after) {
        return new Change(action, collection, targetType, targetId, targetId, version, false, before, after);
    }

    /** A document removed; {@code before} is what it was. */
    public static Change removed(String action, String collection, String targetType, String targetId, long version,
                                 Object before) {
        return new Change(action, collection, targetType, targetId, targetId, version, true, before, null);
    }

    /** The same change, made to another document than the target itself (e.g. a policy's version). */
    public Change inDocument(String changedCollection, String changedDocumentId) {
        return new Change(action, changedCollection, targetType, targetId, changedDocumentId, targetVersion, removal,
            before, after);
    }

    /**
     * A key naming this one change, readable and unique: a document id may come back after a
     * removal with its versions starting again, so a random part tells the two apart.
     */
    String newKey() {
        return collection + "/" + documentId + "/" + (removal ? "removed" : "v" + targetVersion) + "/"
            + java.util.UUID.randomUUID().toString().substring(0, 8);
    }
}
