package io.kioskfleet.core.users;

import io.kioskfleet.core.input.Rule;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.access.ForbiddenException;
import io.kioskfleet.core.access.Role;
import io.kioskfleet.core.audit.AuditChain;
import io.kioskfleet.core.audit.Change;
import io.kioskfleet.core.input.InputCheck;
import io.kioskfleet.core.store.DeclaresIndexes;
import io.kioskfleet.core.store.FleetStore;
import io.kioskfleet.core.store.IdKind;
import io.kioskfleet.core.store.NotFoundException;
import io.kioskfleet.core.store.VersionedDocuments;
import io.kioskfleet.protocol.canonical.Sha256;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * API tokens for scripts: issued by a signed-in user for themselves, with some of their roles
 * and an expiry, revocable by them or a fleet admin, and checked on every request.
 */
public final class ApiTokens implements DeclaresIndexes {

    /** Every secret starts with this, so a leaked one is easy to recognise (and to scan for). */
    public static final String SECRET_PREFIX = "kfat_";
    static final String COLLECTION = "api_tokens";
    static final Duration LONGEST_LIFE = Duration.ofDays(366);

    private final MongoCollection<ApiToken> tokens;
    private final VersionedDocuments<ApiToken> versioned;
    private final UserAccounts accounts;
    private final AuditChain audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApiTokens(FleetStore store, UserAccounts accounts, AuditChain audit, Clock clock) {
        this.tokens = store.collection(COLLECTION, ApiToken.class);
        this.versioned = store.versioned(tokens, "API token", ApiToken::version);
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public String collectionName() {
        return COLLECTION;
    }

    @Override
    public List<IndexModel> indexes() {
        return List.of(new IndexModel(Indexes.ascending("secretHash"), new IndexOptions().unique(true).name("unique_secret")));
    }

    /** Issues a token for the actor, with {@code roles} (a subset of theirs) until {@code expiresAt}. */
    public IssuedApiToken issue(Actor actor, String name, Set<Role> roles, Instant expiresAt) {
        User owner = accounts.findByUsername(actor.username())
            .orElseThrow(() -> new ForbiddenException("only a signed-in account may issue API tokens"));
        Instant now = clock.instant();
        Set<Role> wanted = roles == null || roles.isEmpty() ? owner.roles() : Set.copyOf(roles);
        new InputCheck()
            .require(name != null && !name.isBlank() && name.strip().length() <= 100, "name", Rule.LENGTH, 1, 100)
            .require(expiresAt != null, "expiresAt", Rule.REQUIRED)
            .require(expiresAt == null || expiresAt.isAfter(now), "expiresAt", Rule.PAST)
            .require(expiresAt == null || !expiresAt.isAfter(now.plus(LONGEST_LIFE)), "expiresAt", Rule.TOO_FAR_AHEAD, LONGEST_LIFE.toDays())
            .require(owner.roles().containsAll(wanted), "roles", Rule.ROLES_NOT_HELD, owner.roles())
            .orThrow();
        String secret = SECRET_PREFIX + randomPart();
        ApiToken token = new ApiToken(IdKind.API_TOKEN.newId(), owner.id(), owner.username(), name.strip(),
            Sha256.hex(secret), wanted, now, expiresAt, null, 1);
        audit.record(actor, Change.created("api-token.issue", COLLECTION, "api-token", token.id(), 1, ApiTokenView.of(token, now)),
            () -> tokens.insertOne(token));
        return new IssuedApiToken(ApiTokenView.of(token, now), secret);
    }

    /** The actor's own tokens; a fleet admin or auditor sees everyone's. */
    public List<ApiTokenView> list(Actor actor) {
        Instant now = clock.instant();
        boolean everyone = actor.has(Role.FLEET_ADMIN) || actor.has(Role.AUDITOR);
        var filter = everyone ? new org.bson.Document() : eq("owner", actor.username());
        return tokens.find(filter).into(new ArrayList<>()).stream()
            .sorted(Comparator.comparing(ApiToken::createdAt).reversed())
            .map(token -> ApiTokenView.of(token, now)).toList();
    }

    /** Revokes a token at once: its owner or a fleet admin. */
    public ApiTokenView revoke(Actor actor, String id) {
        ApiToken current = versioned.find(id).orElseThrow(() -> new NotFoundException("API token", id));
        if (!current.owner().equals(actor.username())) {
            actor.requireAny(Role.FLEET_ADMIN);
        }
        Instant now = clock.instant();
        if (current.revokedAt() != null) {
            return ApiTokenView.of(current, now);
        }
        ApiToken revoked = new ApiToken(id, current.ownerId(), current.owner(), current.name(), current.secretHash(),
            current.roles(), current.createdAt(), current.expiresAt(), now, current.version() + 1);
        audit.record(actor, Change.changed("api-token.revoke", COLLECTION, "api-token", id, revoked.version(),
            ApiTokenView.of(current, now), ApiTokenView.of(revoked, now)), () -> versioned.replace(id, revoked, current.version()));
        return ApiTokenView.of(revoked, now);
    }

    /**
     * Who a presented secret acts for, if it is a usable token of an enabled account; the roles
     * are the token's that the owner still holds.
     */
    public Optional<TokenHolder> authenticate(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        ApiToken token = tokens.find(eq("secretHash", Sha256.hex(secret))).first();
        if (token == null || !token.usableAt(clock.instant())) {
            return Optional.empty();
        }
        return accounts.findByUsername(token.owner()).filter(User::enabled).map(owner -> {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            roles.addAll(token.roles());
            roles.retainAll(owner.roles());
            return new TokenHolder(token.id(), owner.username(), Set.copyOf(roles), owner.ouScope());
        });
    }

    private String randomPart() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
