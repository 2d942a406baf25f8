package io.kioskfleet.core.users;

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
import io.kioskfleet.core.store.DeclaresIndexes;
import io.kioskfleet.core.store.DuplicateKeys;
import io.kioskfleet.core.store.FleetStore;
import io.kioskfleet.core.store.IdKind;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The accounts people sign in with, stored in {@code users}, and the first admin account. */
public final class UserAccounts implements DeclaresIndexes {

    /** The name of the account the first start creates. */
    public static final String FIRST_ADMIN = "admin";
    static final String COLLECTION = "users";

    private final MongoCollection<User> users;
    private final PasswordHashing hashing;
    private final AuditChain audit;
    private final Clock clock;

    public UserAccounts(FleetStore store, PasswordHashing hashing, AuditChain audit, Clock clock) {
        this.users = store.collection(COLLECTION, User.class);
        this.hashing = hashing;
        this.audit = audit;
        this.clock = clock;
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
