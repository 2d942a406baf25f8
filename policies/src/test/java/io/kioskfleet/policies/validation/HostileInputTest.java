package io.kioskfleet.policies.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.policies.inheritance.PolicyResolver;
import io.kioskfleet.policies.report.Problem;
import io.kioskfleet.policies.report.SourcePosition;
import io.kioskfleet.policies.source.SourceReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

// Only a hang guard, far above any normal run: how fast hostile input is refused is measured
// in bench/, not asserted here. A separate thread lets the guard stop a CPU-bound loop too.
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileInputTest {

    private final PolicyValidator validator = new PolicyValidator();

    private ValidationReport validate(String text) {
        return validator.validate(text);
    }

    @Test
    void documentOverOneMegabyteIsRefusedAsTooLarge() {
        byte[] big = ("metadata: {name: x}\n# " + "x".repeat(SourceReader.MAX_DOCUMENT_BYTES))
            .getBytes(StandardCharsets.UTF_8);
        ValidationReport report = validator.validate(big, PolicyResolver.defaults());
        assertThat(report.tooLarge()).isTrue();
        assertThat(report.problems()).singleElement()
            .satisfies(p -> assertThat(p.message().ja()).contains("上限は 1048576 バイト"));
    }

    @Test
    void aliasBombIsRefusedWithoutExhaustingMemory() {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            char p = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(p).append(", *")
                .append(p).append(", *").append(p).append(", *").append(p).append("]\n");
        }
        ValidationReport report = validate(bomb.toString());
        assertThat(report.valid()).isFalse();
        assertThat(report.problems()).extracting(Problem::code).containsAnyOf(
            "document.refused", "document.tooComplex");
    }

    @Test
    void aliasesWithinTheLimitStillCannotExpandBeyondTheNodeBudget() {
        // Ten aliases, the most allowed, standing for 75,000 values.
        String wide = "a0: &a0 [" + "x, ".repeat(2999) + "x]\n"
            + "a1: &a1 [*a0, *a0, *a0, *a0, *a0]\n"
            + "a2: [*a1, *a1, *a1, *a1, *a1]\n";
        assertThat(validate(wide).problems()).extracting(Problem::code)
            .contains("document.tooComplex");
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "a: " + "[".repeat(5000) + "]".repeat(5000);
        assertThat(validate(deep).problems()).extracting(Problem::code)
            .containsExactly("document.refused");
    }

    @Test
    void syntaxErrorComesBackAsAProblemWithLineAndColumn() {
        ValidationReport report = validate("apiVersion: kioskfleet/v1\nkind: Policy\nmetadata: [\n");
        assertThat(report.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo("document.syntax");
            assertThat(problem.at().line()).isGreaterThanOrEqualTo(3);
            assertThat(problem.at().known()).isTrue();
        });
    }

    @Test
    void yamlTagsCannotInstantiateJavaTypes() {
        ValidationReport report = validate("""
            apiVersion: kioskfleet/v1
            kind: Policy
            metadata: {name: x}
            settings:
              device:
                kioskApp: !!javax.script.ScriptEngineManager [x]
            """);
        // SnakeYAML's own tag inspector refuses global tags while composing.
        assertThat(report.problems()).extracting(Problem::code).containsExactly("document.syntax");
        assertThat(report.problems().get(0).at()).isEqualTo(new SourcePosition(6, 15));
    }

    @Test
    void localYamlTagsAreRefusedToo() {
        ValidationReport report = validate("""
            apiVersion: kioskfleet/v1
            kind: Policy
            metadata: {name: x}
            settings:
              device: {kioskApp: !app portal}
            """);
        assertThat(report.problems()).extracting(Problem::code).containsExactly("document.tag");
    }

    @Test
    void duplicateKeysAreReported() {
        ValidationReport report = validate("""
            apiVersion: kioskfleet/v1
            kind: Policy
            metadata: {name: x}
            settings:
              session: {maxLengthMinutes: 60, maxLengthMinutes: 90}
            """);
        assertThat(report.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo("document.duplicateKey");
            assertThat(problem.path()).isEqualTo("settings.session.maxLengthMinutes");
            assertThat(problem.at()).isEqualTo(new SourcePosition(5, 35));
        });
    }

    @Test
    void invalidUtf8AndEmptyDocumentsAreReported() {
        ValidationReport notUtf8 = validator.validate(new byte[] {(byte) 0xc3, (byte) 0x28},
            PolicyResolver.defaults());
        assertThat(notUtf8.problems()).extracting(Problem::code).containsExactly("document.notUtf8");
        assertThat(validate("").problems()).extracting(Problem::code)
            .containsExactly("document.empty");
        assertThat(validate("- a\n- b\n").problems()).extracting(Problem::code)
            .containsExactly("document.notObject");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e9999999999", "1e-2147483648", "-1e9999999999", "0e-2147483648"})
    void numbersBigDecimalCannotHoldAreAProblemNotAnException(String number) {
        ValidationReport report = validate(maxLength(number));
        assertThat(report.problems()).extracting(Problem::code).isNotEmpty()
            .allMatch(code -> code.startsWith("value."));
        assertThat(report.problems()).allMatch(p -> p.path().equals(MAX_LENGTH_PATH));
    }

    @Test
    void aNumberWrittenWithThousandsOfDigitsIsRefusedUnread() {
        // In range once its exponent is applied, and quadratic to normalise if it were read.
        String sixty = "60" + "0".repeat(160_000) + "e-160000";
        ValidationReport report = validate(maxLength(sixty));
        assertThat(report.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo("value.numberTooLong");
            assertThat(problem.path()).isEqualTo(MAX_LENGTH_PATH);
            assertThat(problem.message().en()).doesNotContain("000000");
        });
    }

    @Test
    void aLongButOrdinaryNumberIsStillRead() {
        assertThat(validate(maxLength("60.000000000000000000000")).valid()).isTrue();
    }

    private static final String MAX_LENGTH_PATH = "settings.session.maxLengthMinutes";

    private static String maxLength(String number) {
        return "apiVersion: kioskfleet/v1\nkind: Policy\nmetadata: {name: x}\n"
            + "settings: {session: {maxLengthMinutes: " + number + "}}\n";
    }
}
