package io.kioskfleet.policies.source;

import io.kioskfleet.policies.report.ProblemList;
import io.kioskfleet.policies.report.SourcePosition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns composed YAML nodes into {@link SourceNode}s. Aliases share nodes, so a small text can
 * stand for a huge or even cyclic tree; a budget of nodes and depth stops the expansion long
 * before it costs memory.
 */
final class NodeConversion {

    private final ProblemList problems;
    private int budget = SourceReader.MAX_NODES;

    NodeConversion(ProblemList problems) {
        this.problems = problems;
    }

    Optional<SourceNode> convert(Node root) {
        try {
            return Optional.of(node(root, 0, ""));
        } catch (Refused refused) {
            problems.add("", refused.at, "document.tooComplex", SourceReader.MAX_NODES,
                SourceReader.MAX_NESTING);
            return Optional.empty();
        }
    }

    private SourceNode node(Node node, int depth, String path) {
        SourcePosition at = SourceReader.position(node.getStartMark());
        if (--budget < 0 || depth > SourceReader.MAX_NESTING) {
            throw new Refused(at);
        }
        if (!node.getTag().getValue().startsWith(Tag.PREFIX)) {
            problems.add(path, at, "document.tag", node.getTag().getValue());
        }
        if (node instanceof MappingNode mapping) {
            return map(mapping, at, depth, path);
        }
        if (node instanceof SequenceNode sequence) {
            List<SourceNode> items = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                items.add(node(item, depth + 1, path + "[" + items.size() + "]"));
            }
            return new SourceList(items, at);
        }
        ScalarNode scalar = (ScalarNode) node;
        return new SourceScalar(scalar.getValue(),
            scalar.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN, at);
    }

    private SourceMap map(MappingNode mapping, SourcePosition at, int depth, String path) {
        List<SourceMap.Entry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (NodeTuple tuple : mapping.getValue()) {
            SourcePosition keyAt = SourceReader.position(tuple.getKeyNode().getStartMark());
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                problems.add(path, keyAt, "document.keyNotText");
            } else if (!seen.add(key.getValue())) {
                problems.add(join(path, key.getValue()), keyAt, "document.duplicateKey",
                    key.getValue());
            } else {
                entries.add(new SourceMap.Entry(key.getValue(), keyAt,
                    node(tuple.getValueNode(), depth + 1, join(path, key.getValue()))));
            }
        }
        return new SourceMap(entries, at);
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Unwinds the conversion when the input is too big or too deep to be a policy. */
    private static final class Refused extends RuntimeException {

        private final transient SourcePosition at;

        Refused(SourcePosition at) {
            super(null, null, false, false);
            this.at = at;
        }
    }
}
