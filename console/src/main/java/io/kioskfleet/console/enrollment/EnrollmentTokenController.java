package io.kioskfleet.console.enrollment;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.enrollment.EnrollmentTokenDraft;
import io.kioskfleet.core.enrollment.EnrollmentTokenView;
import io.kioskfleet.core.enrollment.EnrollmentTokens;
import io.kioskfleet.core.enrollment.IssuedEnrollmentToken;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/enrollment-tokens}: creating (secret shown once), listing, reading and revoking enrollment tokens. */
@RestController
@RequestMapping("/api/v1/enrollment-tokens")
public class EnrollmentTokenController {

    private final EnrollmentTokens tokens;

    public EnrollmentTokenController(EnrollmentTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping
    public List<EnrollmentTokenView> list(Actor actor) {
        return tokens.list(actor);
    }

    @GetMapping("/{id}")
    public EnrollmentTokenView get(Actor actor, @PathVariable String id) {
        return tokens.get(actor, id);
    }

    @PostMapping
    public ResponseEntity<IssuedEnrollmentToken> create(Actor actor, @RequestBody EnrollmentTokenDraft draft) {
        IssuedEnrollmentToken issued = tokens.create(actor, draft);
        return ResponseEntity.created(URI.create("/api/v1/enrollment-tokens/" + issued.token().id())).body(issued);
    }

    @PostMapping("/{id}/revoke")
    public EnrollmentTokenView revoke(Actor actor, @PathVariable String id, @RequestParam(required = false) Long version) {
        return tokens.revoke(actor, id, version);
    }
}
