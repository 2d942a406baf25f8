package io.kioskfleet.core.ous;

import java.text.Normalizer;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * A part of the organisation that devices belong to: headquarters at the root, branch offices
 * below it. A branch records how far it is from headquarters, because every trip there costs.
 *
 * @param id            {@code ou_…}
 * @param name          shown name, unique among its siblings (ignoring case and character width)
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
        return parentId == null ? "root" : parentId + "/" + comparableName(name);
    }

    /**
     * The form in which two names count as the same: full-width and half-width characters
     * folded (NFKC), case ignored, so {@code ＡＢＣ支所} and {@code abc支所} are one name.
     */
    public static String comparableName(String name) {
        return Normalizer.normalize(name.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /** The same unit at another version (to restore it). */
    OrganisationUnit withVersion(long newVersion) {
        return new OrganisationUnit(id, name, kind, parentId, address, travelMinutes, null, newVersion, createdAt, updatedAt);
    }

    /** True for the root. */
    public boolean isHeadquarters() {
        return kind == OuKind.HEADQUARTERS;
    }
}
