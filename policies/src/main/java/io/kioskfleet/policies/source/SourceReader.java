package io.kioskfleet.policies.source;

import io.kioskfleet.policies.report.ProblemList;
import io.kioskfleet.policies.report.SourcePosition;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads submitted policy text, YAML or JSON, into a {@link SourceNode} tree. Every way the text
 * can be wrong becomes a problem with its position; nothing is thrown at the caller.
 *
 * <p>Hostile input is refused before it costs memory: more than {@link #MAX_DOCUMENT_BYTES} is
 * not parsed at all, and the YAML loader is limited in aliases, nesting and code points. The
 * text is only composed into nodes, never constructed into objects, so no YAML tag can
 * instantiate a Java type.
 */
public final class SourceReader {

    /** The largest document accepted, in bytes: 1 MiB. Larger ones are refused unread. */
    public static final int MAX_DOCUMENT_BYTES = 1024 * 1024;

    /** Problem code of a document refused for its size; the server answers it with 413. */
    public static final String TOO_LARGE = "document.tooLarge";

    static final int MAX_NESTING = 32;
    static final int MAX_COLLECTION_ALIASES = 10;
    static final int MAX_NODES = 50_000;

    /** Reads {@code bytes} (UTF-8) into a tree, or reports why it cannot. */
    public Optional<SourceNode> read(byte[] bytes, ProblemList problems) {
        if (bytes.length > MAX_DOCUMENT_BYTES) {
            problems.add("", SourcePosition.UNKNOWN, TOO_LARGE, bytes.length, MAX_DOCUMENT_BYTES);
            return Optional.empty();
        }
        return decode(bytes, problems).flatMap(text -> compose(text, problems))
            .flatMap(node -> new NodeConversion(problems).convert(node));
    }

    private static Optional<String> decode(byte[] bytes, ProblemList problems) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
            return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (CharacterCodingException e) {
            problems.add("", SourcePosition.UNKNOWN, "document.notUtf8");
            return Optional.empty();
        }
    }

    private static Optional<Node> compose(String text, ProblemList problems) {
        try {
            Node root = yaml().compose(new StringReader(readableAsYaml(text)));
            if (root == null) {
                problems.add("", SourcePosition.UNKNOWN, "document.empty");
            }
            return Optional.ofNullable(root);
        } catch (MarkedYAMLException e) {
            problems.add("", position(e.getProblemMark()), "document.syntax", e.getProblem());
        } catch (YAMLException e) {
            problems.add("", SourcePosition.UNKNOWN, "document.refused", e.getMessage());
        }
        return Optional.empty();
    }

    // JSON allows the escape \/ inside strings, which SnakeYAML rejects; it means a plain slash.
    private static String readableAsYaml(String text) {
        if (!text.stripLeading().startsWith("{") || !text.contains("\\/")) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString && c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(next == '/' ? "/" : "\\" + next);
                continue;
            }
            if (c == '"') {
                inString = !inString;
            }
            out.append(c);
        }
        return out.toString();
    }

    static SourcePosition position(Mark mark) {
        return mark == null ? SourcePosition.UNKNOWN
            : new SourcePosition(mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(MAX_DOCUMENT_BYTES);
        options.setAllowRecursiveKeys(false);
        options.setAllowDuplicateKeys(false);
        options.setProcessComments(false);
        DumperOptions dumper = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options);
    }
}
