package io.kioskfleet.policies.document;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name and description of a policy. The name is a stable identifier
 * (lower-case letters, digits and hyphens); the description is free text for people.
 */
public record PolicyMetadata(String name, String description) {

    /** The longest description accepted, in characters. */
    public static final int MAX_DESCRIPTION = 1000;

    static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    public PolicyMetadata {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a policy name: " + name);
        }
        Objects.requireNonNull(description, "description (empty when there is none)");
        if (description.length() > MAX_DESCRIPTION) {
            throw new IllegalArgumentException("description longer than " + MAX_DESCRIPTION);
        }
    }
}
