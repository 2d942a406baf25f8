package io.kioskfleet.agent;

import io.kioskfleet.policies.catalogue.Choice;
import io.kioskfleet.protocol.canonical.Sha256;
import io.kioskfleet.protocol.policy.WipeArea;
import io.kioskfleet.protocol.sessions.ErasedArea;
import io.kioskfleet.protocol.sessions.PreservePattern;
import io.kioskfleet.protocol.sessions.RemainingFile;
import io.kioskfleet.protocol.sessions.RemainingManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Erases a session directory: every file under it except those a preserve pattern keeps, then
 * scans it again and lists what remains. The areas of the policy are subdirectories named after
 * them ({@code DIR/sessionProfile} is {@code ${sessionProfile}}, likewise {@code downloads},
 * {@code browserData}, {@code caches}, {@code temp}); anything else under the directory is
 * erased as area {@code other}. A wipe may be limited to some areas (the policy's
 * {@code wipe.scope}, or a WIPE command's areas): the others are then neither erased nor listed,
 * while files outside every area directory are session data and always go. Symbolic links are
 * deleted, never followed.
 */
final class SessionWipe {

    static final String OTHER = "other";
    /** The policy's words for the areas, which name their directories: sessionProfile, downloads… */
    private static final List<String> AREAS = Choice.of(WipeArea.class).options();

    private final Path dir;
    private final List<PreservePattern> preserve;
    private final Set<String> scope;

    /** A wipe of every area. */
    SessionWipe(Path dir, List<String> preservePatterns) {
        this(dir, preservePatterns, List.of(WipeArea.values()));
    }

    /** A wipe of the areas in {@code scope} (and of files outside every area directory). */
    SessionWipe(Path dir, List<String> preservePatterns, Collection<WipeArea> scope) {
        this.dir = dir;
        this.preserve = preservePatterns.stream().map(PreservePattern::of).toList();
        this.scope = scope.stream().map(Choice::word).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * What a wipe did and found.
     *
     * @param erased    per area, the files and bytes deleted
     * @param preserved the patterns that kept at least one file
     * @param remaining the remaining manifest, sorted by path
     * @param clean     true when every remaining file is one a pattern keeps
     */
    record Outcome(List<ErasedArea> erased, List<String> preserved, List<RemainingFile> remaining, boolean clean) {

        String remainingDigest() {
            return RemainingManifest.digestOf(remaining);
        }
    }

    /** Erases, re-scans and reports. */
    Outcome run() {
        Map<String, long[]> erased = new LinkedHashMap<>();
        for (Path file : filesInScope()) {
            String path = manifestPath(file);
            long size = sizeOf(file);
            if (keeper(path).isEmpty() && deleted(file)) {
                long[] counts = erased.computeIfAbsent(areaOf(path), area -> new long[2]);
                counts[0]++;
                counts[1] += size;
            }
        }
        removeEmptyDirectories();
        List<RemainingFile> remaining = new ArrayList<>();
        TreeSet<String> preserved = new TreeSet<>();
        boolean clean = true;
        for (Path file : filesInScope()) {
            String path = manifestPath(file);
            Optional<PreservePattern> keeper = keeper(path);
            keeper.ifPresent(pattern -> preserved.add(pattern.text()));
            clean &= keeper.isPresent();
            remaining.add(new RemainingFile(path, sizeOf(file), hashOf(file)));
        }
        List<ErasedArea> areas = erased.entrySet().stream()
            .map(entry -> new ErasedArea(entry.getKey(), entry.getValue()[0], entry.getValue()[1])).toList();
        return new Outcome(areas, List.copyOf(preserved), RemainingManifest.sorted(remaining), clean);
    }

    private Optional<PreservePattern> keeper(String path) {
        return preserve.stream().filter(pattern -> pattern.matches(path)).findFirst();
    }

    /** {@code ${area}/rest} for a file in an area's directory, else its path under the directory. */
    private String manifestPath(Path file) {
        String relative = dir.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
        int slash = relative.indexOf('/');
        String first = slash < 0 ? relative : relative.substring(0, slash);
        return isArea(first) && slash > 0 ? "${" + first + "}" + relative.substring(slash) : relative;
    }

    private static String areaOf(String manifestPath) {
        return manifestPath.startsWith("${") ? manifestPath.substring(0, manifestPath.indexOf('}') + 1) : OTHER;
    }

    private static boolean isArea(String name) {
        return AREAS.contains(name);
    }

    /** Every file and symbolic link in the wiped areas or outside every area, without following links. */
    private List<Path> filesInScope() {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
                    boolean areaOutOfScope = dir.equals(directory.getParent())
                        && isArea(directory.getFileName().toString()) && !scope.contains(directory.getFileName().toString());
                    return areaOutOfScope ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    found.add(file);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot scan " + dir, e);
        }
        return found;
    }

    private void removeEmptyDirectories() {
        try (Stream<Path> all = Files.walk(dir)) {
            List<Path> directories = all.filter(path -> Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                .filter(path -> !inAreaOutOfScope(path))
                .sorted(java.util.Comparator.reverseOrder()).toList();
            for (Path directory : directories) {
                boolean root = directory.equals(dir) || directory.getParent().equals(dir) && isArea(directory.getFileName().toString());
                if (!root && isEmpty(directory)) {
                    Files.delete(directory);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot tidy " + dir, e);
        }
    }

    private boolean inAreaOutOfScope(Path path) {
        Path relative = dir.relativize(path);
        String first = relative.getNameCount() == 0 ? "" : relative.getName(0).toString();
        return isArea(first) && !scope.contains(first);
    }

    private static boolean isEmpty(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS).size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + file, e);
        }
    }

    private static String hashOf(Path file) {
        try {
            return Files.isSymbolicLink(file) ? Sha256.hex(Files.readSymbolicLink(file).toString())
                : Sha256.hex(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Deletes the file; false when it cannot be (it then shows in the re-scan, and the wipe is not clean). */
    private static boolean deleted(Path file) {
        try {
            Files.delete(file);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
