package io.kioskfleet.policies.catalogue;

import io.kioskfleet.policies.report.ProblemSite;
import io.kioskfleet.policies.source.SourceList;
import io.kioskfleet.policies.source.SourceNode;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A set of texts, written as a list. Order and repetition carry no meaning, so the canonical
 * value is sorted (by UTF-16 code units) and without duplicates.
 */
public record TextSet(Text element, int minItems, int maxItems) implements SettingType {

    public TextSet {
        Objects.requireNonNull(element, "element");
        if (minItems < 0 || minItems > maxItems) {
            throw new IllegalArgumentException("need 0 <= minItems <= maxItems");
        }
    }

    @Override
    public Object read(SourceNode node, ProblemSite site) {
        if (!(node instanceof SourceList list)) {
            return site.report("value.notList");
        }
        if (list.items().size() > maxItems) {
            return site.report("value.tooManyItems", maxItems);
        }
        TreeSet<String> texts = new TreeSet<>();
        boolean allValid = true;
        for (int i = 0; i < list.items().size(); i++) {
            SourceNode item = list.items().get(i);
            String text = element.read(item, site.child("[" + i + "]", item.position()));
            allValid &= text != null;
            if (text != null) {
                texts.add(text);
            }
        }
        if (!allValid) {
            return null;
        }
        return texts.size() < minItems ? site.report("value.tooFewItems", minItems)
            : List.copyOf(texts);
    }

    @Override
    public String describe() {
        return "set of " + element.describe() + " (" + minItems + ".." + maxItems + " items)";
    }
}
