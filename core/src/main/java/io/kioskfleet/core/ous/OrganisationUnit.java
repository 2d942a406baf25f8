package io.kioskfleet.core.ous;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * A part of the organisation that devices belong to: headquarters at the root, branch offices
 * below it. A branch records how far it is from headquarters, because every trip there costs.
 *
 * @param id            {@code ou_…}
 * @param name          shown name, unique among its siblings (ignoring case)
 * @param kind          headquarters (the root) or branch
 * @param parentId      the parent unit, null for headquarters
 * @param address       postal address of the office
 * @param travelMinutes travel time from headquarters, in minutes (0 for headquarters)
 * @param siblingKey    what makes the name unique under its parent; also makes the root unique
 * @param version       optimistic concurrency version, starting at 1
 * @param createdAt     when it was created
 * @param updatedAt     when it last changed
 */
public record OrganisationUnit(
    @BsonId String id,
    String name,
    OuKind kind,
    String parentId,
    String address,
    int travelMinutes,
    String siblingKey,
    long version,
    Instant createdAt,
    Instant updatedAt) {

    public OrganisationUnit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        siblingKey = siblingKeyOf(parentId, name);
    }

    /** Headquarters has one key whatever its name, so a second root is refused by the unique index. */
    static String siblingKeyOf(String parentId, String name) {
        return parentId == null ? "root" : parentId + "/" + name.strip().toLowerCase(Locale.ROOT);
    }

    /** True for the root. */
    public boolean isHeadquarters() {
        return kind == OuKind.HEADQUARTERS;
    }
}
