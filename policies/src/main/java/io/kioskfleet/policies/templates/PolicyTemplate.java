package io.kioskfleet.policies.templates;

import io.kioskfleet.policies.document.ParsedPolicy;
import io.kioskfleet.policies.document.PolicyDocument;
import io.kioskfleet.policies.document.PolicyReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A policy to start from. Each is a YAML resource next to this class, so the text an
 * administrator copies is exactly the text that is tested.
 */
public enum PolicyTemplate {

    /** Shared guest sessions of at most 4 hours, wiped at logout, certificates kept. */
    EPHEMERAL_GUEST("ephemeral-guest"),
    /** One application in kiosk mode, nothing else. */
    SINGLE_APP_KIOSK("single-app-kiosk"),
    /** LGWAN side only, from the office networks, no data leaving the session. */
    LGWAN_RESTRICTED("lgwan-restricted"),
    /** Telework terminals that may view but not keep: no downloads, no screen capture. */
    VIEW_ONLY_TELEWORK("view-only-telework");

    private final String id;

    PolicyTemplate(String id) {
        this.id = id;
    }

    /** Every template, in the order the console offers them. */
    public static List<PolicyTemplate> all() {
        return List.of(values());
    }

    /** The template's stable id, also the name of its policy. */
    public String id() {
        return id;
    }

    /** The template's YAML text, for an administrator to copy and edit. */
    public String text() {
        try (InputStream in = PolicyTemplate.class.getResourceAsStream(id + ".yaml")) {
            if (in == null) {
                throw new IllegalStateException("template resource missing: " + id);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The template as a document; templates are tested to be valid, so this never fails. */
    public PolicyDocument document() {
        ParsedPolicy parsed = new PolicyReader().read(text());
        return parsed.document().orElseThrow(() -> new IllegalStateException(
            "template " + id + " is invalid: " + parsed.problems()));
    }
}
