package io.kioskfleet.core.enrollment;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.access.Role;
import io.kioskfleet.core.audit.AuditChain;
import io.kioskfleet.core.audit.Change;
import io.kioskfleet.core.input.InputCheck;
import io.kioskfleet.core.input.InvalidInputException;
import io.kioskfleet.core.input.Rule;
import io.kioskfleet.core.ous.OrganisationUnits;
import io.kioskfleet.core.ous.OuScope;
import io.kioskfleet.core.store.IdKind;
import io.kioskfleet.core.store.NotFoundException;
import io.kioskfleet.protocol.canonical.Sha256;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Enrollment tokens for admins: create one for a unit (its secret shown once), list, read and
 * revoke them. Fleet admins manage every unit's tokens, branch admins those of their units.
 */
public final class EnrollmentTokens {

    /** What every secret starts with, so a leaked one is recognisable (and secret scanners find it). */
    static final String SECRET_PREFIX = "kfet_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final EnrollmentTokenRepository repository;
    private final OrganisationUnits units;
    private final AuditChain audit;
    private final Clock clock;

    public EnrollmentTokens(EnrollmentTokenRepository repository, OrganisationUnits units, AuditChain audit, Clock clock) {
        this.repository = repository;
        this.units = units;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates a token for {@code draft.ouId()}; the answer carries its secret, which is not stored. */
    public IssuedEnrollmentToken create(Actor actor, EnrollmentTokenDraft draft) {
        actor.requireAny(Role.FLEET_ADMIN, Role.BRANCH_ADMIN);
        Instant now = clock.instant();
        InputCheck check = new InputCheck();
        draft.check(check, now);
        check.orThrow();
        units.requireInScope(actor, draft.ouId());
        if (!units.exists(draft.ouId())) {
            throw new InvalidInputException("ouId", Rule.UNKNOWN_UNIT, draft.ouId());
        }
        String secret = newSecret();
        int maxUses = draft.maxUsesOrDefault();
        EnrollmentToken token = new EnrollmentToken(IdKind.ENROLLMENT_TOKEN.newId(), draft.ouId(), hashOf(secret), maxUses,
            maxUses, draft.expiresAtOrDefault(now), draft.noteOrNull(), now, actor.username(), null, null, 1);
        audit.record(actor, Change.created("enrollment-token.create", EnrollmentTokenRepository.COLLECTION,
            "enrollment-token", token.id(), 1, token.view(now)), () -> repository.insert(token));
        return new IssuedEnrollmentToken(secret, token.view(now));
    }

    /** The tokens of the units the actor may see, newest first. */
    public List<EnrollmentTokenView> list(Actor actor) {
        actor.requireAny(Role.FLEET_ADMIN, Role.BRANCH_ADMIN, Role.HELPDESK, Role.AUDITOR);
        OuScope scope = units.scopeOf(actor);
        Instant now = clock.instant();
        return repository.list(scope.everything() ? null : scope.ouIds()).stream().map(token -> token.view(now)).toList();
    }

    /** One token of a unit the actor may see. */
    public EnrollmentTokenView get(Actor actor, String id) {
        actor.requireAny(Role.FLEET_ADMIN, Role.BRANCH_ADMIN, Role.HELPDESK, Role.AUDITOR);
        return visible(actor, id).view(clock.instant());
    }

    /**
     * Revokes a token: it enrolls nothing from now on; devices it enrolled stay enrolled.
     * Revoking a revoked token changes nothing.
     */
    public EnrollmentTokenView revoke(Actor actor, String id, Long expectedVersion) {
        actor.requireAny(Role.FLEET_ADMIN, Role.BRANCH_ADMIN);
        EnrollmentToken current = visible(actor, id);
        units.requireInScope(actor, current.ouId());
        Instant now = clock.instant();
        if (current.revokedAt() != null) {
            return current.view(now);
        }
        long version = expectedVersion == null ? current.version() : expectedVersion;
        EnrollmentToken revoked = new EnrollmentToken(current.id(), current.ouId(), current.secretHash(), current.maxUses(),
            current.usesLeft(), current.expiresAt(), current.note(), current.createdAt(), current.createdBy(), now,
            actor.username(), version + 1);
        audit.record(actor, Change.changed("enrollment-token.revoke", EnrollmentTokenRepository.COLLECTION,
                "enrollment-token", id, revoked.version(), current.view(now), revoked.view(now)),
            () -> repository.revoke(id, version, now, actor.username()));
        return revoked.view(now);
    }

    private EnrollmentToken visible(Actor actor, String id) {
        EnrollmentToken token = repository.find(id).orElseThrow(() -> new NotFoundException("enrollment token", id));
        if (!units.scopeOf(actor).contains(token.ouId())) {
            throw new NotFoundException("enrollment token", id);
        }
        return token;
    }

    /** The stored form of a secret: its hex SHA-256 (the secret is random and long, so no salt or stretching is needed). */
    static String hashOf(String secret) {
        return Sha256.hex(secret);
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
