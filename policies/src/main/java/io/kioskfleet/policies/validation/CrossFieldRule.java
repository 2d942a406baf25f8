package io.kioskfleet.policies.validation;

import static io.kioskfleet.policies.catalogue.Catalogue.SESSION_IDLE_LOGOUT;
import static io.kioskfleet.policies.catalogue.Catalogue.SESSION_MAX_LENGTH;
import static io.kioskfleet.policies.catalogue.Catalogue.SESSION_WARNING;
import static io.kioskfleet.policies.catalogue.Catalogue.WIPE_PRESERVE;
import static io.kioskfleet.policies.catalogue.Catalogue.WIPE_SCOPE;

import io.kioskfleet.policies.catalogue.PreservePath;
import io.kioskfleet.policies.catalogue.SettingDefinition;
import java.util.Optional;
import java.util.function.Consumer;

/** The rules that relate settings to each other, checked on the values that would apply. */
enum CrossFieldRule {

    IDLE_BELOW_MAX_LENGTH(check -> lessThan(check, SESSION_IDLE_LOGOUT, SESSION_MAX_LENGTH,
        "rule.idleNotBelowMaxLength")),
    WARNING_BELOW_MAX_LENGTH(check -> lessThan(check, SESSION_WARNING, SESSION_MAX_LENGTH,
        "rule.warningNotBelowMaxLength")),
    PRESERVE_LEAVES_SCOPE_WIPED(CrossFieldRule::preserveLeavesScopeWiped);

    private final Consumer<RuleCheck> rule;

    CrossFieldRule(Consumer<RuleCheck> rule) {
        this.rule = rule;
    }

    /** Checks every rule. */
    static void checkAll(RuleCheck check) {
        for (CrossFieldRule crossFieldRule : values()) {
            crossFieldRule.rule.accept(check);
        }
    }

    private static void lessThan(RuleCheck check, SettingDefinition smaller,
                                 SettingDefinition larger, String code) {
        long small = check.candidate().integer(smaller);
        long large = check.candidate().integer(larger);
        if (small >= large) {
            check.report(code, new SettingDefinition[] {smaller, larger}, small, large);
        }
    }

    private static void preserveLeavesScopeWiped(RuleCheck check) {
        SettingDefinition[] involved = {WIPE_PRESERVE, WIPE_SCOPE};
        for (String pattern : check.candidate().texts(WIPE_PRESERVE)) {
            Optional<String> area = PreservePath.coveredArea(pattern);
            if (area.filter(PreservePath.EVERYTHING::equals).isPresent()) {
                check.report("rule.preserveCoversEverything", involved, pattern);
            } else if (area.filter(check.candidate().texts(WIPE_SCOPE)::contains).isPresent()) {
                check.report("rule.preserveCoversArea", involved, pattern, area.get());
            }
        }
    }
}
