package io.kioskfleet.policies.validation;

import io.kioskfleet.policies.document.ParsedPolicy;
import io.kioskfleet.policies.document.PolicyReader;
import io.kioskfleet.policies.document.ReadSettings;
import io.kioskfleet.policies.document.SettingsReader;
import io.kioskfleet.policies.inheritance.DeviceException;
import io.kioskfleet.policies.inheritance.EffectivePolicy;
import io.kioskfleet.policies.inheritance.EffectiveSetting;
import io.kioskfleet.policies.inheritance.PolicyResolver;
import io.kioskfleet.policies.inheritance.SettingOrigin;
import io.kioskfleet.policies.report.Problem;
import io.kioskfleet.policies.report.ProblemList;
import io.kioskfleet.policies.report.SourcePosition;
import io.kioskfleet.policies.source.SourceNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validates policy texts and device exceptions, reporting every problem at once: syntax,
 * types and ranges, unknown keys, rules across settings, and overrides of settings locked
 * higher up (naming the OU that locked them).
 */
public final class PolicyValidator {

    // Stands for the OU a draft will be attached to; angle brackets keep it apart from real ids.
    private static final String DRAFT = "<draft>";
    private static final String SETTINGS = "settings.";

    /** Validates {@code text} as a policy attached at the root, where only defaults apply. */
    public ValidationReport validate(String text) {
        return validate(text.getBytes(StandardCharsets.UTF_8), PolicyResolver.defaults());
    }

    /**
     * Validates UTF-8 {@code bytes} as a policy attached to an OU whose parent's effective
     * policy is {@code inherited} ({@link PolicyResolver#defaults()} for a root OU).
     */
    public ValidationReport validate(byte[] bytes, EffectivePolicy inherited) {
        ParsedPolicy parsed = new PolicyReader().read(bytes);
        ProblemList problems = new ProblemList();
        parsed.problems().forEach(problems::add);
        EffectivePolicy candidate = PolicyResolver.applyDraft(inherited, DRAFT,
            parsed.settings().values(), parsed.locks());
        checkAgainst(inherited, candidate, SettingOrigin.ou(DRAFT), parsed.settings(), problems);
        List<Problem> found = problems.list();
        return new ValidationReport(found.isEmpty() ? parsed.document() : Optional.empty(),
            found);
    }

    /**
     * Validates the settings of a device exception (plain values, as a server holds them)
     * against the effective policy of the device's OU; paths start with {@code settings.}.
     */
    public List<Problem> validateException(Map<String, Object> settings, Instant expiresAt,
                                           EffectivePolicy ou, Instant now) {
        ProblemList problems = new ProblemList();
        ReadSettings read = SettingsReader.read(SourceNode.ofPlainValue(settings), "settings",
            problems);
        if (!now.isBefore(expiresAt)) {
            problems.add("expiresAt", SourcePosition.UNKNOWN, "exception.expired", expiresAt);
        }
        DeviceException draft = new DeviceException(DRAFT, read.values(), Instant.MAX);
        EffectivePolicy candidate = PolicyResolver.applyException(ou, Optional.of(draft), now);
        checkAgainst(ou, candidate, SettingOrigin.DEVICE_EXCEPTION, read, problems);
        return problems.list();
    }

    private static void checkAgainst(EffectivePolicy inherited, EffectivePolicy candidate,
                                     SettingOrigin origin, ReadSettings read,
                                     ProblemList problems) {
        read.positions().keySet().stream().sorted().forEach(key -> {
            EffectiveSetting above = inherited.setting(key);
            above.lockedBy().ifPresent(ou -> problems.add(SETTINGS + key, read.positionOf(key),
                "lock.overridden", key, ou));
        });
        CrossFieldRule.checkAll(new RuleCheck(candidate, origin, SETTINGS, read::positionOf,
            problems));
    }
}
