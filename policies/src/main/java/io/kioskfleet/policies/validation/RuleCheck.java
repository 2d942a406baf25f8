package io.kioskfleet.policies.validation;

import io.kioskfleet.policies.catalogue.SettingDefinition;
import io.kioskfleet.policies.inheritance.EffectivePolicy;
import io.kioskfleet.policies.inheritance.SettingOrigin;
import io.kioskfleet.policies.report.ProblemList;
import io.kioskfleet.policies.report.SourcePosition;
import java.util.function.Function;

/**
 * What a cross-setting rule sees: the values that would apply if the input were accepted, and
 * which of them the input sets itself. A rule reports only on settings the input sets, because
 * a conflict between inherited values is not this input's fault.
 */
record RuleCheck(EffectivePolicy candidate, SettingOrigin checkedOrigin, String pathPrefix,
                 Function<String, SourcePosition> positions, ProblemList problems) {

    boolean setHere(SettingDefinition setting) {
        return candidate.setting(setting.key()).origin().equals(checkedOrigin);
    }

    /**
     * Reports a problem on the first of {@code involved} that the input sets, if any; returns
     * whether it reported.
     */
    boolean report(String code, SettingDefinition[] involved, Object... args) {
        for (SettingDefinition setting : involved) {
            if (setHere(setting)) {
                problems.add(pathPrefix + setting.key(), positions.apply(setting.key()), code,
                    args);
                return true;
            }
        }
        return false;
    }
}
