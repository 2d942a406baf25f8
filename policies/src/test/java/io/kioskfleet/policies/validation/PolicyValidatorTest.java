package io.kioskfleet.policies.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.kioskfleet.policies.document.PolicyDocument;
import io.kioskfleet.policies.document.PolicyReader;
import io.kioskfleet.policies.inheritance.EffectivePolicy;
import io.kioskfleet.policies.inheritance.OuChain;
import io.kioskfleet.policies.inheritance.OuLevel;
import io.kioskfleet.policies.inheritance.PolicyResolver;
import io.kioskfleet.policies.report.Problem;
import io.kioskfleet.policies.report.SourcePosition;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyValidatorTest {

    private final PolicyValidator validator = new PolicyValidator();

    private static String policy(String settings) {
        return "apiVersion: kioskfleet/v1\nkind: Policy\nmetadata:\n  name: test\n"
            + "settings:\n" + settings.indent(2);
    }

    private List<Problem> problems(String text) {
        return validator.validate(text).problems();
    }

    private List<Problem> preserveProblems(String scope, String... patterns) {
        return problems(policy("wipe:\n  scope: " + scope + "\n  preserve: [\""
            + String.join("\", \"", patterns) + "\"]"));
    }

    private static Problem at(List<Problem> problems, String path) {
        return problems.stream().filter(p -> p.path().equals(path)).findFirst()
            .orElseThrow(() -> new AssertionError("no problem at " + path + " in " + problems));
    }

    @Test
    void validPolicyComesBackAsADocument() {
        ValidationReport report = validator.validate(policy("session: {maxLengthMinutes: 120}"));
        assertThat(report.valid()).isTrue();
        assertThat(report.document()).isPresent();
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsPathAndPosition() {
        List<Problem> problems = problems(policy("""
            session:
              maxLengthMinutes: 2000
              idleLogoutMinutes: ten
            wipe:
              onLogout: yes
            """));

        assertThat(problems).extracting(Problem::path).containsExactlyInAnyOrder(
            "settings.session.maxLengthMinutes", "settings.session.idleLogoutMinutes",
            "settings.wipe.onLogout");
        Problem range = at(problems, "settings.session.maxLengthMinutes");
        assertThat(range.code()).isEqualTo("value.outOfRange");
        assertThat(range.at()).isEqualTo(new SourcePosition(7, 23));
        assertThat(range.message().en()).isEqualTo(
            "2000 is out of range: it must be from 5 to 1440.");
        assertThat(range.message().ja()).isEqualTo(
            "2000 は範囲外です。5 から 1440 までの値を指定してください。");
    }

    @Test
    void tenPointFiveIsNotAWholeNumberAndQuotedNumbersAreText() {
        List<Problem> problems = problems(policy("""
            session: {maxLengthMinutes: 10.5, idleLogoutMinutes: "10"}
            """));
        assertThat(problems).extracting(Problem::code)
            .containsExactly("value.notInteger", "value.notInteger");
    }

    @Test
    void unknownSettingGetsADidYouMeanSuggestion() {
        Problem problem = at(problems(policy("session: {idleLogoutMinute: 10}")),
            "settings.session.idleLogoutMinute");
        assertThat(problem.code()).isEqualTo("settings.unknownDidYouMean");
        assertThat(problem.message().en()).contains("Did you mean session.idleLogoutMinutes?");
        assertThat(problem.message().ja()).contains("session.idleLogoutMinutes のことですか");
    }

    @Test
    void unknownTopLevelKeyAndLockAreReported() {
        String text = "apiVersion: kioskfleet/v1\nkind: Policy\nmetadata: {name: x}\n"
            + "setting: {}\nlocks: [wipe.onLogot]\n";
        assertThat(problems(text)).extracting(Problem::code)
            .containsExactlyInAnyOrder("document.unknownKeyDidYouMean", "locks.unknownDidYouMean");
    }

    @Test
    void wrongApiVersionKindAndMissingNameAreReported() {
        List<Problem> problems = problems("apiVersion: v2\nkind: Pol\nmetadata: {}\n");
        assertThat(problems).extracting(Problem::path)
            .containsExactlyInAnyOrder("apiVersion", "kind", "metadata.name");
    }

    @Test
    void idleLogoutMustBeShorterThanTheMaximumSessionLength() {
        Problem problem = at(problems(policy("""
            session: {maxLengthMinutes: 30, idleLogoutMinutes: 30}
            """)), "settings.session.idleLogoutMinutes");
        assertThat(problem.code()).isEqualTo("rule.idleNotBelowMaxLength");
    }

    @Test
    void warningMustBeShorterThanTheMaximumSessionLengthEvenWhenOneIsInherited() {
        Problem problem = at(problems(policy("session: {warningBeforeLogoutMinutes: 60, "
            + "maxLengthMinutes: 60, idleLogoutMinutes: 10}")),
            "settings.session.warningBeforeLogoutMinutes");
        assertThat(problem.code()).isEqualTo("rule.warningNotBelowMaxLength");
    }

    @Test
    void crossFieldRuleUsesTheInheritedValueOfTheOtherSetting() {
        // The default maximum is 240 minutes, so an idle logout of 300 conflicts with it.
        assertThat(problems(policy("session: {idleLogoutMinutes: 300}")))
            .extracting(Problem::code).containsExactly("rule.idleNotBelowMaxLength");
    }

    @Test
    void preserveMayNotCoverAWholeWipeArea() {
        List<Problem> problems = preserveProblems("[downloads, temp]",
            "${downloads}/**", "/**", "${caches}/**", "${temp}/keep/*.log");
        assertThat(problems).extracting(Problem::code).containsExactlyInAnyOrder(
            "rule.preserveCoversArea", "rule.preserveCoversEverything");
        assertThat(problems).allMatch(p -> p.path().equals("settings.wipe.preserve"));
    }

    @Test
    void preserveWithOnlyWildcardSegmentsCoversTheAreaOrEverything() {
        List<Problem> problems = preserveProblems("[sessionProfile, downloads]",
            "/**/*.*", "${sessionProfile}/**/*.*", "${downloads}/*", "${downloads}");
        // Each message starts with the pattern it is about.
        assertThat(problems).extracting(Problem::code, p -> p.message().en().split(" ", 2)[0])
            .containsExactlyInAnyOrder(
                tuple("rule.preserveCoversEverything", "/**/*.*"),
                tuple("rule.preserveCoversArea", "${sessionProfile}/**/*.*"),
                tuple("rule.preserveCoversArea", "${downloads}/*"),
                tuple("rule.preserveCoversArea", "${downloads}"));
        assertThat(problems.get(0).message().en()).contains("without wildcards");
    }

    @Test
    void preserveNamingALiteralFolderKeepsOnlyThatFolder() {
        assertThat(preserveProblems("[sessionProfile, downloads]",
            "${sessionProfile}/AppData/Roaming/Microsoft/SystemCertificates/**",
            "${sessionProfile}/**/Certificates/*.*", "${downloads}/*/keep",
            "/etc/pki/nssdb/**")).isEmpty();
    }

    @Test
    void urlPatternsCidrsAndTimesOfDayAreChecked() {
        List<Problem> problems = problems(policy("""
            access:
              allowedUrls: ["https://*.lg.jp/*", "ftp://x", "https://a b"]
              allowedSourceCidrs: [10.0.0.0/8, 10.1.2.3/8, 300.0.0.0/8, "2001:db8::/129", "::1"]
            session:
              scheduledLogoutTimes: ["17:30", "25:00", "9:00"]
            """));
        assertThat(problems).extracting(Problem::path).containsExactlyInAnyOrder(
            "settings.access.allowedUrls[1]", "settings.access.allowedUrls[2]",
            "settings.access.allowedSourceCidrs[1]", "settings.access.allowedSourceCidrs[2]",
            "settings.access.allowedSourceCidrs[3]",
            "settings.session.scheduledLogoutTimes[1]",
            "settings.session.scheduledLogoutTimes[2]");
        assertThat(at(problems, "settings.access.allowedSourceCidrs[1]").message().en())
            .contains("did you mean 10.0.0.0/8?");
    }

    @Test
    void addressesAreHeldInOneSpelling() {
        PolicyDocument document = validator.validate(policy("""
            access:
              allowedSourceCidrs: ["2001:0DB8:0000:0000:0000:0000:0000:0001", "fe80:0:0:0:1:0:0:0/80", 192.168.1.7]
              allowedUrls: ["HTTPS://Portal.City.LG.JP:8443/Path/*"]
            """)).document().orElseThrow();
        assertThat(document.settings().get("access.allowedSourceCidrs")).isEqualTo(List.of(
            "192.168.1.7/32", "2001:db8::1/128", "fe80::1:0:0:0/80"));
        assertThat(document.settings().get("access.allowedUrls"))
            .isEqualTo(List.of("https://portal.city.lg.jp:8443/Path/*"));
    }

    @Test
    void noticeTextNeedsBothLanguages() {
        Problem problem = at(problems(policy("device: {noticeText: {ja: お知らせ, eng: Notice}}")),
            "settings.device.noticeText.eng");
        assertThat(problem.code()).isEqualTo("value.unknownFieldDidYouMean");
        assertThat(problems(policy("device: {noticeText: {ja: お知らせ}}")))
            .extracting(Problem::code).containsExactly("value.missingField");
    }

    @Test
    void overridingALockedSettingNamesTheOuThatLockedIt() {
        PolicyDocument root = new PolicyReader().read(policy("wipe: {onLogout: true}")
            + "locks: [wipe.onLogout]\n").document().orElseThrow();
        EffectivePolicy parent = PolicyResolver.resolve(OuChain.of(
            OuLevel.attached("ou_city", root), OuLevel.bare("ou_branch")));

        ValidationReport report = validator.validate(
            policy("wipe: {onLogout: false}").getBytes(StandardCharsets.UTF_8), parent);

        Problem problem = at(report.problems(), "settings.wipe.onLogout");
        assertThat(problem.code()).isEqualTo("lock.overridden");
        assertThat(problem.message().en()).contains("locked by OU ou_city");
        assertThat(problem.message().ja()).contains("OU ou_city によりロック");
        assertThat(report.document()).isEmpty();
    }

    @Test
    void deviceExceptionIsCheckedLikeAPolicyAndMayNotTouchLocks() {
        PolicyDocument root = new PolicyReader().read(policy("data: {usbStorage: blocked}")
            + "locks: [data.usbStorage]\n").document().orElseThrow();
        EffectivePolicy ou = PolicyResolver.resolve(OuChain.of(OuLevel.attached("ou_city", root)));
        Instant now = Instant.parse("2026-04-01T00:00:00Z");

        List<Problem> problems = validator.validateException(
            Map.of("data", Map.of("usbStorage", "allowed", "printingAllowed", "yes")),
            now.minusSeconds(1), ou, now);

        assertThat(problems).extracting(Problem::code).containsExactlyInAnyOrder(
            "lock.overridden", "value.notBoolean", "exception.expired");
    }

    @Test
    void timeZonesAreIanaRegionIdsNotOffsets() {
        for (String offset : List.of("+09:00", "Z", "UTC+9", "GMT+9", "UT+09:00", "UTC-05:30")) {
            assertThat(problems(policy("device: {timeZone: \"" + offset + "\"}")))
                .as(offset).extracting(Problem::code).containsExactly("value.timeZone");
        }
        for (String region : List.of("Asia/Tokyo", "UTC", "Etc/GMT-9", "America/New_York")) {
            assertThat(problems(policy("device: {timeZone: \"" + region + "\"}")))
                .as(region).isEmpty();
        }
    }

    @Test
    void aDeviceExceptionMayGiveASetOfTextsAsAJavaSet() {
        Instant now = Instant.parse("2026-04-01T00:00:00Z");
        assertThat(validator.validateException(
            Map.of("wipe", Map.of("scope", Set.of("temp", "downloads"))), now.plusSeconds(60),
            PolicyResolver.defaults(), now)).isEmpty();
    }
}
