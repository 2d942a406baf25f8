package io.kioskfleet.console.users;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.users.UserAccounts;
import io.kioskfleet.core.users.UserDraft;
import io.kioskfleet.core.users.UserView;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/users}: the accounts people sign in with, their roles and units. */
@RestController
@RequestMapping("/api/v1/users")
public class UserController {

    private final UserAccounts accounts;

    public UserController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    public List<UserView> list(Actor actor) {
        return accounts.list(actor);
    }

    /** The account of whoever asks. */
    @GetMapping("/me")
    public UserView me(Actor actor) {
        return accounts.findByUsername(actor.username()).map(user -> accounts.get(actor, user.id()))
            .orElseThrow(() -> new io.kioskfleet.core.store.NotFoundException("user", actor.username()));
    }

    @GetMapping("/{id}")
    public UserView get(Actor actor, @PathVariable String id) {
        return accounts.get(actor, id);
    }

    @PostMapping
    public ResponseEntity<UserView> create(Actor actor, @RequestBody UserRequest request) {
        UserView created = accounts.create(actor,
            new UserDraft(request.username(), request.password(), request.roles(), request.ouScope()));
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    public UserView change(Actor actor, @PathVariable String id, @RequestBody UserRequest request) {
        return accounts.change(actor, id, request.roles(), request.ouScope(),
            request.enabled() == null || request.enabled(), request.version());
    }

    @PutMapping("/{id}/password")
    public ResponseEntity<Void> setPassword(Actor actor, @PathVariable String id, @RequestBody PasswordRequest request) {
        accounts.setPassword(actor, id, request.password());
        return ResponseEntity.noContent().build();
    }
}
