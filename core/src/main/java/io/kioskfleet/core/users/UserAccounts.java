package io.kioskfleet.core.users;

import io.kioskfleet.core.input.Rule;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.access.Role;
import io.kioskfleet.core.audit.AuditChain;
import io.kioskfleet.core.audit.Change;
import io.kioskfleet.core.input.InputCheck;
import io.kioskfleet.core.ous.OrganisationUnits;
import io.kioskfleet.core.store.ConflictException;
import io.kioskfleet.core.store.DeclaresIndexes;
import io.kioskfleet.core.store.DuplicateKeys;
import io.kioskfleet.core.store.FleetStore;
import io.kioskfleet.core.store.IdKind;
import io.kioskfleet.core.store.NotFoundException;
import io.kioskfleet.core.store.VersionedDocuments;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The accounts people sign in with, stored in {@code users}: the first admin account, and the
 * accounts fleet admins create, change and disable (never delete: the audit chain names them).
 */
public final class UserAccounts implements DeclaresIndexes {

    /** The name of the account the first start creates. */
    public static final String FIRST_ADMIN = "admin";
    static final String COLLECTION = "users";

    private final MongoCollection<User> users;
    private final VersionedDocuments<User> versioned;
    private final PasswordHashing hashing;
    private final OrganisationUnits units;
    private final AuditChain audit;
    private final Clock clock;

    public UserAccounts(FleetStore store, PasswordHashing hashing, OrganisationUnits units, AuditChain audit, Clock clock) {
        this.users = store.collection(COLLECTION, User.class);
        this.versioned = store.versioned(users, "user", User::version);
        this.hashing = hashing;
        this.units = units;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates an account; fleet admins only. */
    public UserView create(Actor actor, UserDraft draft) {
        actor.requireAny(Role.FLEET_ADMIN);
        InputCheck check = new InputCheck();
        draft.check(check);
        checkUnits(check, draft.ouScope());
        check.orThrow();
        User user = new User(IdKind.USER.newId(), draft.username(), hashing.hash(draft.password()), draft.roles(),
            draft.ouScope(), true, clock.instant(), 1);
        try {
            audit.record(actor, Change.created("user.create", COLLECTION, "user", user.id(), 1, withoutHash(user)),
                () -> users.insertOne(user));
        } catch (MongoException e) {
            if (DuplicateKeys.isDuplicateKey(e)) {
                throw new ConflictException("duplicate-username", "there is already an account named " + draft.username());
            }
            throw e;
        }
        return UserView.of(user);
    }

    /** Every account, by name; fleet admins and auditors. */
    public List<UserView> list(Actor actor) {
        actor.requireAny(Role.FLEET_ADMIN, Role.AUDITOR);
        return users.find().into(new ArrayList<>()).stream().map(UserView::of)
            .sorted(Comparator.comparing(UserView::username)).toList();
    }

    /** One account; fleet admins, auditors, and each user for their own. */
    public UserView get(Actor actor, String id) {
        User user = versioned.find(id).orElseThrow(() -> new NotFoundException("user", id));
        if (!user.username().equals(actor.username())) {
            actor.requireAny(Role.FLEET_ADMIN, Role.AUDITOR);
        }
        return UserView.of(user);
    }

    /** Changes an account's roles, units and whether it may sign in, if it is still at {@code expectedVersion}. */
    public UserView change(Actor actor, String id, Set<Role> roles, Set<String> ouScope, boolean enabled, Long expectedVersion) {
        actor.requireAny(Role.FLEET_ADMIN);
        Set<Role> newRoles = roles == null ? Set.of() : Set.copyOf(roles);
        Set<String> newScope = ouScope == null ? Set.of() : Set.copyOf(ouScope);
        InputCheck check = new InputCheck().require(expectedVersion != null, "version", Rule.VERSION_REQUIRED);
        UserDraft.checkRoles(check, newRoles, newScope);
        checkUnits(check, newScope);
        check.orThrow();
        User current = versioned.find(id).orElseThrow(() -> new NotFoundException("user", id));
        if (current.username().equals(actor.username()) && (!enabled || !newRoles.contains(Role.FLEET_ADMIN))) {
            throw new ConflictException("own-admin-rights", "you cannot take fleet admin rights from yourself or disable yourself");
        }
        User changed = new User(id, current.username(), current.passwordHash(), newRoles, newScope, enabled,
            current.createdAt(), expectedVersion + 1);
        audit.record(actor, Change.changed("user.change", COLLECTION, "user", id, changed.version(), withoutHash(current),
            withoutHash(changed)), () -> versioned.replace(id, changed, expectedVersion));
        return UserView.of(changed);
    }

    /** Sets a new password: a fleet admin for anyone, each user for their own account. */
    public void setPassword(Actor actor, String id, String password) {
        User current = versioned.find(id).orElseThrow(() -> new NotFoundException("user", id));
        if (!current.username().equals(actor.username())) {
            actor.requireAny(Role.FLEET_ADMIN);
        }
        InputCheck check = new InputCheck();
        UserDraft.checkPassword(check, password);
        check.orThrow();
        User changed = new User(id, current.username(), hashing.hash(password), current.roles(), current.ouScope(),
            current.enabled(), current.createdAt(), current.version() + 1);
        audit.record(actor, Change.changed("user.password", COLLECTION, "user", id, changed.version(), withoutHash(current),
            withoutHash(changed)), () -> versioned.replace(id, changed, current.version()));
    }

    private void checkUnits(InputCheck check, Set<String> ouScope) {
        for (String ouId : ouScope) {
            check.require(units.exists(ouId), "ouScope", Rule.UNKNOWN_UNIT, ouId);
        }
    }

    @Override
    public String collectionName() {
        return COLLECTION;
    }

    @Override
    public List<IndexModel> indexes() {
        return List.of(new IndexModel(Indexes.ascending("username"), new IndexOptions().unique(true).name("unique_username")));
    }

    /** The account signing in as {@code username}, if there is one. */
    public Optional<User> findByUsername(String username) {
        return Optional.ofNullable(users.find(eq("username", username)).first());
    }

    /**
     * Creates the {@value #FIRST_ADMIN} account (a fleet admin) unless it exists.
     *
     * @param password the password to give it, or null/blank for a random one
     * @return the random password when one was made (to be shown once), else empty
     */
    public Optional<String> ensureFirstAdmin(String password) {
        if (findByUsername(FIRST_ADMIN).isPresent()) {
            return Optional.empty();
        }
        boolean generated = password == null || password.isBlank();
        String chosen = generated ? randomPassword() : password;
        User admin = new User(IdKind.USER.newId(), FIRST_ADMIN, hashing.hash(chosen), Set.of(Role.FLEET_ADMIN), Set.of(),
            true, clock.instant(), 1);
        try {
            audit.record(Actor.SYSTEM, Change.created("user.create", COLLECTION, "user", admin.id(), 1, withoutHash(admin)),
                () -> users.insertOne(admin));
        } catch (MongoException e) {
            if (DuplicateKeys.isDuplicateKey(e)) {
                return Optional.empty(); // another instance created it first
            }
            throw e;
        }
        return generated ? Optional.of(chosen) : Optional.empty();
    }

    /** The account as the audit chain keeps it: never the hash (a password change shows as its own action). */
    private static User withoutHash(User user) {
        return new User(user.id(), user.username(), "(hidden)", user.roles(), user.ouScope(), user.enabled(),
            user.createdAt(), user.version());
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
