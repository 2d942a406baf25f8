package io.kioskfleet.protocol.sessions;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the wipe erased in one area.
 *
 * @param area  the area root as in preserve patterns ({@code ${downloads}}), or an absolute path
 * @param files how many files it deleted there
 * @param bytes how many bytes those files held
 */
public record ErasedArea(String area, long files, long bytes) {

    Map<String, Object> canonicalTree() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("area", area);
        tree.put("files", files);
        tree.put("bytes", bytes);
        return tree;
    }
}
