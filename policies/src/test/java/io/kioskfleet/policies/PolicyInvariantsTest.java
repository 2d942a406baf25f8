package io.kioskfleet.policies;

import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.policies.catalogue.Catalogue;
import io.kioskfleet.policies.catalogue.Flag;
import io.kioskfleet.policies.catalogue.SettingDefinition;
import io.kioskfleet.policies.compile.PolicyCompiler;
import io.kioskfleet.policies.document.ParsedPolicy;
import io.kioskfleet.policies.document.PolicyDocument;
import io.kioskfleet.policies.document.PolicyMetadata;
import io.kioskfleet.policies.document.PolicyReader;
import io.kioskfleet.policies.inheritance.DeviceException;
import io.kioskfleet.policies.inheritance.EffectivePolicy;
import io.kioskfleet.policies.inheritance.EffectiveSetting;
import io.kioskfleet.policies.inheritance.OuChain;
import io.kioskfleet.policies.inheritance.OuLevel;
import io.kioskfleet.policies.inheritance.PolicyResolver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The invariants of the policy language, checked over generated policies and OU chains. */
class PolicyInvariantsTest {

    private static final Instant NOW = Instant.parse("2026-04-01T09:00:00Z");

    private static final Map<String, List<Object>> ALTERNATIVES = Map.ofEntries(
        Map.entry("session.maxLengthMinutes", List.of(5, 60, 1440)),
        Map.entry("session.idleLogoutMinutes", List.of(1, 15, 90)),
        Map.entry("session.scheduledLogoutTimes", List.of(List.of("12:00"),
            List.of("23:59", "00:00", "12:00"))),
        Map.entry("wipe.scope", List.of(List.of("temp"), List.of("downloads", "caches"))),
        Map.entry("wipe.preserve", List.of(List.of("/etc/pki/nssdb/**",
            "${sessionProfile}/certs/*"))),
        Map.entry("access.allowedUrls", List.of(List.of("https://*.lg.jp/*", "http://a.jp"))),
        Map.entry("access.networkZone", List.of("internet", "both")),
        Map.entry("access.allowedSourceCidrs", List.of(List.of("10.0.0.0/8", "2001:db8::/32"))),
        Map.entry("data.usbStorage", List.of("readOnly", "allowed")),
        Map.entry("data.clipboard", List.of("blocked", "allowed")),
        Map.entry("device.maintenanceWindow", List.of(Map.of("start", "23:00", "end", "01:00"))),
        Map.entry("device.kioskApp", List.of("jp.lg.portal")),
        Map.entry("device.locale", List.of("en-US")));

    @Provide
    Arbitrary<PolicyDocument> policies() {
        Arbitrary<String> text = Arbitraries.strings().withCharRange(' ', '~')
            .withChars('東', '京', '\n', '\t', '"', '\\', 'é').ofMaxLength(40);
        Arbitrary<Map<String, Object>> settings = Arbitraries.subsetOf(Catalogue.keys())
            .flatMap(keys -> Combinators.combine(keys.stream().map(key -> value(key, text))
                .toList()).as(values -> asMap(new ArrayList<>(keys), values)));
        Arbitrary<List<String>> locks = Arbitraries.of(List.copyOf(Catalogue.keys()))
            .list().ofMaxSize(4);
        return Combinators.combine(text, settings, locks).as((description, values, locked) ->
            new PolicyDocument(new PolicyMetadata("p", description.strip()), values, locked));
    }

    @Provide
    Arbitrary<List<PolicyDocument>> chains() {
        return policies().list().ofMinSize(1).ofMaxSize(5);
    }

    private static Arbitrary<Object> value(String key, Arbitrary<String> text) {
        SettingDefinition setting = Catalogue.get(key);
        if (setting.type() instanceof Flag) {
            return Arbitraries.of(true, false);
        }
        if (key.equals("device.noticeText") || key.equals("device.lostModeMessage")) {
            return Combinators.combine(text, text).as((ja, en) -> Map.of("ja", ja, "en", en));
        }
        List<Object> choices = new ArrayList<>(ALTERNATIVES.getOrDefault(key, List.of()));
        choices.add(setting.defaultValue());
        return Arbitraries.of(choices);
    }

    private static Map<String, Object> asMap(List<String> keys, List<Object> values) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            map.put(keys.get(i), values.get(i));
        }
        return map;
    }

    private static OuChain chain(List<PolicyDocument> policies) {
        List<OuLevel> levels = new ArrayList<>();
        for (int i = 0; i < policies.size(); i++) {
            levels.add(OuLevel.attached("ou_" + i, policies.get(i)));
        }
        return new OuChain(levels);
    }

    /**
     * Resolves {@code policies} as drafts whose settings and locks come in the order
     * {@code order} gives them, locks twice over: the resolver sees the iteration order itself,
     * which a {@link PolicyDocument} would have sorted away.
     */
    private static EffectivePolicy resolveAsDrafts(List<PolicyDocument> policies,
                                                   UnaryOperator<List<String>> order) {
        EffectivePolicy effective = PolicyResolver.defaults();
        for (int i = 0; i < policies.size(); i++) {
            PolicyDocument policy = policies.get(i);
            Map<String, Object> settings = new LinkedHashMap<>();
            order.apply(new ArrayList<>(policy.settings().keySet()))
                .forEach(key -> settings.put(key, policy.settings().get(key)));
            List<String> locks = order.apply(new ArrayList<>(policy.locks()));
            locks.addAll(order.apply(new ArrayList<>(policy.locks())));
            effective = PolicyResolver.applyDraft(effective, "ou_" + i, settings, locks);
        }
        return effective;
    }

    private static UnaryOperator<List<String>> shuffledBy(Random random) {
        return keys -> {
            Collections.shuffle(keys, random);
            return keys;
        };
    }

    @Property(tries = 300)
    void aLockedSettingIsNeverOverridden(@ForAll("chains") List<PolicyDocument> policies,
                                         @ForAll("policies") PolicyDocument exceptionSettings) {
        OuChain chain = chain(policies);
        DeviceException exception = new DeviceException("dev_1", exceptionSettings.settings(),
            NOW.plusSeconds(60));
        EffectivePolicy device = PolicyResolver.applyException(PolicyResolver.resolve(chain),
            Optional.of(exception), NOW);

        for (EffectiveSetting setting : device.settings().values()) {
            if (setting.locked()) {
                int locker = Integer.parseInt(setting.lockedBy().get().substring(3));
                EffectivePolicy atLock = PolicyResolver.resolve(
                    new OuChain(chain.levels().subList(0, locker + 1)));
                assertThat(setting.value()).isEqualTo(atLock.setting(setting.key()).value());
                assertThat(policies.subList(0, locker)).noneMatch(p -> p.locks(setting.key()));
            }
        }
    }

    @Property(tries = 300)
    void resolutionIsDeterministicAndIndependentOfInputOrder(
        @ForAll("chains") List<PolicyDocument> policies,
        @ForAll("policies") PolicyDocument exceptionSettings, @ForAll Random random) {
        DeviceException exception = new DeviceException("dev_1", exceptionSettings.settings(),
            NOW.plusSeconds(60));

        EffectivePolicy sorted = PolicyResolver.applyException(
            PolicyResolver.resolve(chain(policies)), Optional.of(exception), NOW);
        EffectivePolicy reversed = PolicyResolver.applyException(
            resolveAsDrafts(policies, keys -> {
                keys.sort(Comparator.reverseOrder());
                return keys;
            }), Optional.of(exception), NOW);
        EffectivePolicy shuffled = PolicyResolver.applyException(
            resolveAsDrafts(policies, shuffledBy(random)), Optional.of(exception), NOW);

        assertThat(reversed).isEqualTo(sorted);
        assertThat(shuffled).isEqualTo(sorted);
        assertThat(PolicyCompiler.compile(shuffled).etag())
            .isEqualTo(PolicyCompiler.compile(sorted).etag());
    }

    @Property(tries = 500)
    void canonicalJsonReadsBackToTheSameCanonicalForm(@ForAll("policies") PolicyDocument policy) {
        ParsedPolicy parsed = new PolicyReader().read(policy.canonicalJson());

        assertThat(parsed.problems()).isEmpty();
        PolicyDocument again = parsed.document().orElseThrow();
        assertThat(again.canonicalJson()).isEqualTo(policy.canonicalJson());
        assertThat(again.etag()).isEqualTo(policy.etag());
    }
}
