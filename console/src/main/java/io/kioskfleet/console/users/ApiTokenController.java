package io.kioskfleet.console.users;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.users.ApiTokenView;
import io.kioskfleet.core.users.ApiTokens;
import io.kioskfleet.core.users.IssuedApiToken;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/api-tokens}: tokens scripts use instead of a password. */
@RestController
@RequestMapping("/api/v1/api-tokens")
public class ApiTokenController {

    private final ApiTokens tokens;

    public ApiTokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /** Your tokens (a fleet admin or auditor sees everyone's). */
    @GetMapping
    public List<ApiTokenView> list(Actor actor) {
        return tokens.list(actor);
    }

    /** Issues a token for you; the answer holds its secret, shown this once. */
    @PostMapping
    public ResponseEntity<IssuedApiToken> issue(Actor actor, @RequestBody ApiTokenRequest request) {
        IssuedApiToken issued = tokens.issue(actor, request.name(), request.roles(), request.expiresAt());
        return ResponseEntity.created(URI.create("/api/v1/api-tokens/" + issued.token().id())).body(issued);
    }

    @PostMapping("/{id}/revoke")
    public ApiTokenView revoke(Actor actor, @PathVariable String id) {
        return tokens.revoke(actor, id);
    }
}
