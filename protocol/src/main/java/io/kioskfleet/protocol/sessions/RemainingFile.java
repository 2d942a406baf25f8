package io.kioskfleet.protocol.sessions;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One file the wipe kept, as a line of the remaining manifest.
 *
 * @param path   {@code ${area}/relative/path}, segments separated by {@code /}
 * @param size   its length in bytes
 * @param sha256 the lower-case hex SHA-256 of its content
 */
public record RemainingFile(String path, long size, String sha256) {

    Map<String, Object> canonicalTree() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("path", path);
        tree.put("size", size);
        tree.put("sha256", sha256);
        return tree;
    }
}
