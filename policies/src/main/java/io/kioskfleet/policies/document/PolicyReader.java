package io.kioskfleet.policies.document;

import io.kioskfleet.policies.catalogue.Catalogue;
import io.kioskfleet.policies.catalogue.Syntax;
import io.kioskfleet.policies.report.SpellingSuggestion;
import io.kioskfleet.policies.report.ProblemList;
import io.kioskfleet.policies.report.SourcePosition;
import io.kioskfleet.policies.source.SourceList;
import io.kioskfleet.policies.source.SourceMap;
import io.kioskfleet.policies.source.SourceNode;
import io.kioskfleet.policies.source.SourceReader;
import io.kioskfleet.policies.source.SourceScalar;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a policy document from YAML or JSON text, reporting every problem at once with its path
 * and position; it never throws for bad input.
 */
public final class PolicyReader {

    private static final List<String> TOP_LEVEL =
        List.of("apiVersion", "kind", "metadata", "settings", "locks");
    private static final List<String> METADATA_FIELDS = List.of("name", "description");

    /** Reads {@code text}. */
    public ParsedPolicy read(String text) {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads UTF-8 {@code bytes}, as received from a client. */
    public ParsedPolicy read(byte[] bytes) {
        ProblemList problems = new ProblemList();
        Optional<SourceNode> root = new SourceReader().read(bytes, problems);
        if (root.isEmpty()) {
            return new ParsedPolicy(null, null, List.of(), Map.of(), problems.list());
        }
        if (!(root.get() instanceof SourceMap document)) {
            problems.add("", root.get().position(), "document.notObject");
            return new ParsedPolicy(null, null, List.of(), Map.of(), problems.list());
        }
        return read(document, problems);
    }

    private ParsedPolicy read(SourceMap document, ProblemList problems) {
        reportUnknownKeys(document, problems);
        expectText(document, "apiVersion", PolicyDocument.API_VERSION, problems);
        expectText(document, "kind", PolicyDocument.KIND, problems);
        Optional<SourceMap.Entry> metadataEntry = document.entry("metadata");
        PolicyMetadata metadata = metadataEntry.isPresent()
            ? metadata(metadataEntry.get().value(), problems)
            : missing("metadata", document, problems);
        ReadSettings settings = document.entry("settings")
            .map(entry -> SettingsReader.read(entry.value(), "settings", problems))
            .orElse(null);
        Map<String, SourcePosition> lockPositions = document.entry("locks")
            .map(entry -> locks(entry.value(), problems)).orElse(Map.of());
        return new ParsedPolicy(metadata, settings, new ArrayList<>(lockPositions.keySet()),
            lockPositions, problems.list());
    }

    private static void reportUnknownKeys(SourceMap document, ProblemList problems) {
        for (SourceMap.Entry entry : document.entries()) {
            if (!TOP_LEVEL.contains(entry.key())) {
                SpellingSuggestion.among(TOP_LEVEL, entry.key())
                    .reportUnknown(problems.at(entry.key(), entry.keyPosition()),
                        "document.unknownKey");
            }
        }
    }

    private static void expectText(SourceMap document, String key, String expected,
                                   ProblemList problems) {
        Optional<SourceMap.Entry> entry = document.entry(key);
        if (entry.isEmpty()) {
            missing(key, document, problems);
        } else if (!(entry.get().value() instanceof SourceScalar scalar)
            || !expected.equals(scalar.text())) {
            problems.add(key, entry.get().value().position(), "document.unexpectedValue",
                key, expected);
        }
    }

    private static <T> T missing(String key, SourceNode parent, ProblemList problems) {
        problems.add(key, parent.position(), "document.missing", key);
        return null;
    }

    private static PolicyMetadata metadata(SourceNode node, ProblemList problems) {
        if (!(node instanceof SourceMap map)) {
            problems.add("metadata", node.position(), "document.notObject");
            return null;
        }
        for (SourceMap.Entry entry : map.entries()) {
            if (!METADATA_FIELDS.contains(entry.key())) {
                SpellingSuggestion.among(METADATA_FIELDS, entry.key())
                    .reportUnknown(problems.at("metadata." + entry.key(), entry.keyPosition()),
                        "value.unknownField");
            }
        }
        String name = map.entry("name").map(entry -> name(entry.value(), problems))
            .orElseGet(() -> missing("metadata.name", map, problems));
        String description = map.entry("description")
            .map(entry -> description(entry.value(), problems)).orElse("");
        return name == null || description == null ? null
            : new PolicyMetadata(name, description);
    }

    private static String name(SourceNode node, ProblemList problems) {
        if (node instanceof SourceScalar scalar && PolicyMetadata.NAME.matcher(scalar.text())
            .matches()) {
            return scalar.text();
        }
        problems.add("metadata.name", node.position(), "metadata.name");
        return null;
    }

    private static String description(SourceNode node, ProblemList problems) {
        if (!(node instanceof SourceScalar scalar)) {
            problems.add("metadata.description", node.position(), "value.notText");
            return null;
        }
        if (scalar.isNull()) {
            return "";
        }
        if (scalar.text().length() > PolicyMetadata.MAX_DESCRIPTION) {
            problems.add("metadata.description", node.position(), "value.tooLong",
                PolicyMetadata.MAX_DESCRIPTION);
            return null;
        }
        return Syntax.FREE_TEXT.normalize(scalar.text(),
            problems.at("metadata.description", node.position()));
    }

    private static Map<String, SourcePosition> locks(SourceNode node, ProblemList problems) {
        Map<String, SourcePosition> locks = new HashMap<>();
        if (node instanceof SourceScalar scalar && scalar.isNull()) {
            return locks;
        }
        if (!(node instanceof SourceList list)) {
            problems.add("locks", node.position(), "value.notList");
            return locks;
        }
        for (int i = 0; i < list.items().size(); i++) {
            SourceNode item = list.items().get(i);
            String path = "locks[" + i + "]";
            if (item instanceof SourceScalar key && Catalogue.find(key.text()).isPresent()) {
                locks.putIfAbsent(key.text(), item.position());
            } else if (item instanceof SourceScalar key) {
                SpellingSuggestion.among(Catalogue.keys(), key.text())
                    .reportUnknown(problems.at(path, item.position()), "locks.unknown");
            } else {
                problems.add(path, item.position(), "value.notText");
            }
        }
        return locks;
    }
}
