package io.kioskfleet.core.policies;

import io.kioskfleet.policies.diff.LockChange;
import io.kioskfleet.policies.diff.PolicyDiff;
import io.kioskfleet.policies.diff.SettingChange;
import java.util.List;

/**
 * What changes between two versions of one policy (or a version and the draft), setting by
 * setting and lock by lock.
 *
 * @param from     the earlier side: a version number, {@code latest} or {@code draft}
 * @param to       the later side, likewise
 * @param settings settings added, removed or changed, by key
 * @param locks    locks added or removed, by key
 */
public record PolicyChanges(String from, String to, List<SettingChange> settings, List<LockChange> locks) {

    public PolicyChanges {
        settings = List.copyOf(settings);
        locks = List.copyOf(locks);
    }

    static PolicyChanges of(String from, String to, PolicyDiff diff) {
        return new PolicyChanges(from, to, diff.settings(), diff.locks());
    }
}
