package io.kioskfleet.core.policies;

import io.kioskfleet.protocol.canonical.Sha256;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * A named policy: the draft an administrator edits (kept exactly as written, valid or not) and
 * the number of its newest published version. Published versions are {@link PolicyVersion}s.
 *
 * @param id            {@code pol_…}
 * @param name          shown name, unique (ignoring case)
 * @param nameKey       what makes the name unique
 * @param draft         the YAML or JSON text as written
 * @param draftValid    true when the draft had no problem when it was saved
 * @param draftProblems the draft's problems when it was saved
 * @param latestVersion the newest published version number, 0 before the first publish
 * @param version       optimistic concurrency version of the draft, starting at 1
 * @param createdAt     when it was created
 * @param updatedAt     when the draft last changed
 */
public record Policy(
    @BsonId String id,
    String name,
    String nameKey,
    String draft,
    boolean draftValid,
    List<PolicyProblem> draftProblems,
    int latestVersion,
    long version,
    Instant createdAt,
    Instant updatedAt) {

    public Policy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(draft, "draft");
        nameKey = name.strip().toLowerCase(Locale.ROOT);
        draftProblems = draftProblems == null ? List.of() : List.copyOf(draftProblems);
    }

    /** What the audit chain keeps of a policy: the draft by digest and size, not its whole text. */
    Map<String, Object> auditView() {
        return Map.of("id", id, "name", name, "draftSha256", Sha256.hex(draft),
            "draftBytes", draft.getBytes(StandardCharsets.UTF_8).length, "draftValid", draftValid,
            "latestVersion", latestVersion, "version", version);
    }
}
