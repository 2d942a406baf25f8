package io.kioskfleet.policies.diff;

import io.kioskfleet.policies.document.PolicyDocument;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What changed between two versions of a policy, setting by setting and lock by lock, in key
 * order. Values are compared in canonical form, so rewriting a policy in another spelling
 * (JSON for YAML, reordered lists) is no change.
 */
public record PolicyDiff(List<SettingChange> settings, List<LockChange> locks) {

    public PolicyDiff {
        settings = List.copyOf(settings);
        locks = List.copyOf(locks);
    }

    /** The changes that turn {@code before} into {@code after}. */
    public static PolicyDiff between(PolicyDocument before, PolicyDocument after) {
        return new PolicyDiff(settingChanges(before, after), lockChanges(before, after));
    }

    /** True when the two versions mean the same settings and locks. */
    public boolean isEmpty() {
        return settings.isEmpty() && locks.isEmpty();
    }

    private static List<SettingChange> settingChanges(PolicyDocument before,
                                                      PolicyDocument after) {
        TreeSet<String> keys = new TreeSet<>(before.settings().keySet());
        keys.addAll(after.settings().keySet());
        return keys.stream().flatMap(key -> change(key, before.settings().get(key),
            after.settings().get(key))).toList();
    }

    private static Stream<SettingChange> change(String key, Object before, Object after) {
        if (Objects.equals(before, after)) {
            return Stream.empty();
        }
        ChangeKind kind = before == null ? ChangeKind.ADDED
            : after == null ? ChangeKind.REMOVED : ChangeKind.CHANGED;
        return Stream.of(new SettingChange(key, kind, before, after));
    }

    private static List<LockChange> lockChanges(PolicyDocument before, PolicyDocument after) {
        TreeSet<String> keys = new TreeSet<>(before.locks());
        keys.addAll(after.locks());
        return keys.stream()
            .filter(key -> before.locks(key) != after.locks(key))
            .map(key -> new LockChange(key, after.locks(key) ? ChangeKind.ADDED
                : ChangeKind.REMOVED))
            .toList();
    }
}
