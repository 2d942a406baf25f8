package io.kioskfleet.policies.document;

import io.kioskfleet.policies.catalogue.Catalogue;
import io.kioskfleet.policies.catalogue.SettingDefinition;
import io.kioskfleet.protocol.canonical.CanonicalJson;
import io.kioskfleet.protocol.canonical.Sha256;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One version of a policy as an administrator wrote it: metadata, the settings it sets (by
 * dotted key, values in canonical form) and the keys it locks for the OUs below.
 *
 * <p>Two documents with the same meaning are equal and have the same {@link #canonicalJson()}
 * and {@link #etag()}, however they were written.
 */
public record PolicyDocument(PolicyMetadata metadata, Map<String, Object> settings,
                             List<String> locks) {

    /** The only API version this module reads and writes. */
    public static final String API_VERSION = "kioskfleet/v1";
    /** The only kind of document this module reads and writes. */
    public static final String KIND = "Policy";

    public PolicyDocument {
        Objects.requireNonNull(metadata, "metadata");
        settings = Collections.unmodifiableMap(
            new TreeMap<>(Catalogue.canonicalSettings(settings)));
        locks = locks.stream().map(PolicyDocument::knownKey).distinct().sorted().toList();
    }

    private static String knownKey(String key) {
        return Catalogue.get(key).key();
    }

    /** True when this document sets {@code key} itself. */
    public boolean sets(String key) {
        return settings.containsKey(key);
    }

    /** True when this document locks {@code key} for the OUs below. */
    public boolean locks(String key) {
        return locks.contains(key);
    }

    /**
     * The canonical tree: the document as it would be written, settings nested by group,
     * every set sorted. Read back, it gives an equal document.
     */
    public Map<String, Object> canonicalTree() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("apiVersion", API_VERSION);
        tree.put("kind", KIND);
        tree.put("metadata", Map.of("name", metadata.name(),
            "description", metadata.description()));
        tree.put("settings", nestedSettings());
        tree.put("locks", locks);
        return tree;
    }

    private Map<String, Object> nestedSettings() {
        Map<String, Object> groups = new TreeMap<>();
        settings.forEach((key, value) -> {
            SettingDefinition setting = Catalogue.get(key);
            @SuppressWarnings("unchecked")
            Map<String, Object> group = (Map<String, Object>) groups.computeIfAbsent(
                setting.group(), g -> new TreeMap<String, Object>());
            group.put(setting.name(), value);
        });
        return groups;
    }

    /** The canonical JSON of this document: the same bytes for the same meaning, anywhere. */
    public String canonicalJson() {
        return CanonicalJson.write(canonicalTree());
    }

    /** The SHA-256 of {@link #canonicalJson()}: the ETag of this policy version. */
    public String etag() {
        return Sha256.hex(canonicalJson());
    }
}
