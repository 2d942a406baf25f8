package io.kioskfleet.protocol.sessions;

import io.kioskfleet.protocol.canonical.CanonicalJson;
import io.kioskfleet.protocol.canonical.Sha256;
import java.util.Comparator;
import java.util.List;

/**
 * The digest of what a wipe left on the device: the lower-case hex SHA-256 of the canonical JSON
 * of the remaining files as {@code [{"path":…,"sha256":…,"size":…}, …]}, sorted by path
 * (UTF-16 code units, as {@code String.compareTo}). The device and the server compute it here,
 * so they agree to the byte; no files gives the digest of {@code []}.
 */
public final class RemainingManifest {

    private RemainingManifest() {
    }

    /** The digest of {@code files}, in whatever order they are given. */
    public static String digestOf(List<RemainingFile> files) {
        return Sha256.hex(CanonicalJson.write(sorted(files).stream().map(RemainingFile::canonicalTree).toList()));
    }

    /** The files sorted by path, the order the manifest is digested and sent in. */
    public static List<RemainingFile> sorted(List<RemainingFile> files) {
        return files.stream().sorted(Comparator.comparing(RemainingFile::path)).toList();
    }
}
