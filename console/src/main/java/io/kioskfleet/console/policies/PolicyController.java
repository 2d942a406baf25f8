package io.kioskfleet.console.policies;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.policies.Policy;
import io.kioskfleet.core.policies.PolicyChanges;
import io.kioskfleet.core.policies.PolicyLibrary;
import io.kioskfleet.core.policies.PolicyValidation;
import io.kioskfleet.core.policies.PolicyVersion;
import io.kioskfleet.core.policies.PublishDryRun;
import io.kioskfleet.core.policies.PublishPreview;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/policies}: drafts (as JSON {@code {name, source}} or as a raw YAML body),
 * checks, publishing, versions, differences, roll back and publish dry runs.
 */
@RestController
@RequestMapping("/api/v1/policies")
public class PolicyController {


    private final PolicyLibrary library;
    private final PublishDryRun dryRun;

    public PolicyController(PolicyLibrary library, PublishDryRun dryRun) {
        this.library = library;
        this.dryRun = dryRun;
    }

    @GetMapping
    public List<Policy> list(Actor actor) {
        return library.list(actor);
    }

    @GetMapping("/{id}")
    public Policy get(Actor actor, @PathVariable String id) {
        return library.get(actor, id);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Policy> create(Actor actor, @RequestBody PolicyRequest request) {
        return created(library.create(actor, request.name(), request.source()));
    }

    /** The same, with the text as the body and the name as {@code ?name=}. */
    @PostMapping(consumes = {"application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml"})
    public ResponseEntity<Policy> createFromText(Actor actor, @RequestParam String name, @RequestBody String source) {
        return created(library.create(actor, name, source));
    }

    private static ResponseEntity<Policy> created(Policy policy) {
        return ResponseEntity.created(URI.create("/api/v1/policies/" + policy.id())).body(policy);
    }

    /** Replaces the draft; the body carries the {@code version} read. */
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Policy saveDraft(Actor actor, @PathVariable String id, @RequestBody PolicyRequest request) {
        return library.saveDraft(actor, id, request.name(), request.source(), request.requiredVersion());
    }

    /** The same, with the text as the body and the version as {@code ?version=}. */
    @PutMapping(path = "/{id}", consumes = {"application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml"})
    public Policy saveDraftFromText(Actor actor, @PathVariable String id, @RequestParam long version,
                                    @RequestParam(required = false) String name, @RequestBody String source) {
        return library.saveDraft(actor, id, name, source, version);
    }

    /** Checks the draft where the policy is attached, as a publish would; stores nothing. */
    @PostMapping("/{id}/validate")
    public PolicyValidation validateDraft(Actor actor, @PathVariable String id) {
        return library.checkDraft(actor, id);
    }

    /** Checks a text that is not stored, as if attached at {@code ouId} (or the root). */
    @PostMapping(path = "/validate", consumes = MediaType.APPLICATION_JSON_VALUE)
    public PolicyValidation validateText(Actor actor, @RequestBody TextCheckRequest request) {
        return library.checkText(actor, request.source(), request.ouId());
    }

    /** The same, with the text as the body and the unit as {@code ?ou=}. */
    @PostMapping(path = "/validate", consumes = {"application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml"})
    public PolicyValidation validateRawText(Actor actor, @RequestParam(name = "ou", required = false) String ouId,
                                            @RequestBody String source) {
        return library.checkText(actor, source, ouId);
    }

    @PostMapping("/{id}/publish")
    public ResponseEntity<PolicyVersion> publish(Actor actor, @PathVariable String id,
                                                 @RequestBody(required = false) PublishRequest request) {
        return createdVersion(library.publish(actor, id, request == null ? null : request.version()));
    }

    /** Publishes the text of an older version as the newest one. */
    @PostMapping("/{id}/rollback")
    public ResponseEntity<PolicyVersion> rollBack(Actor actor, @PathVariable String id, @RequestBody RollbackRequest request) {
        return createdVersion(library.rollBack(actor, id, request.requiredVersion()));
    }

    private static ResponseEntity<PolicyVersion> createdVersion(PolicyVersion version) {
        return ResponseEntity.created(URI.create("/api/v1/policies/" + version.policyId() + "/versions/" + version.number()))
            .body(version);
    }

    @GetMapping("/{id}/versions")
    public List<PolicyVersion> versions(Actor actor, @PathVariable String id) {
        return library.versions(actor, id);
    }

    @GetMapping("/{id}/versions/{number}")
    public PolicyVersion version(Actor actor, @PathVariable String id, @PathVariable int number) {
        return library.version(actor, id, number);
    }

    /** Setting-level changes from {@code from} to {@code to}: version numbers, {@code latest} or {@code draft}. */
    @GetMapping("/{id}/diff")
    public PolicyChanges diff(Actor actor, @PathVariable String id, @RequestParam String from, @RequestParam String to) {
        return library.diff(actor, id, from, to);
    }

    /** Which devices would get a different payload if the draft were published now; writes nothing. */
    @PostMapping("/{id}/dry-run")
    public PublishPreview dryRun(Actor actor, @PathVariable String id) {
        return dryRun.preview(actor, id);
    }
}
