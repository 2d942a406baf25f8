package io.kioskfleet.policies.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyDocumentTest {

    private static PolicyDocument read(String text) {
        ParsedPolicy parsed = new PolicyReader().read(text);
        assertThat(parsed.problems()).isEmpty();
        return parsed.document().orElseThrow();
    }

    private static final String YAML = """
        apiVersion: kioskfleet/v1
        kind: Policy
        metadata:
          name: branch-a
          description: 本庁舎 / Main building
        settings:
          session:
            maxLengthMinutes: 240
            idleLogoutMinutes: 30
          wipe:
            scope: [temp, downloads]
          access:
            allowedSourceCidrs: ["2001:DB8:0:0::/32", 10.0.0.0/8]
        locks: [wipe.scope, session.maxLengthMinutes]
        """;

    private static final String SAME_IN_JSON = """
        {"kind": "Policy", "apiVersion": "kioskfleet\\/v1",
         "locks": ["session.maxLengthMinutes", "wipe.scope", "wipe.scope"],
         "settings": {"wipe.scope": ["downloads", "temp", "temp"],
                      "access": {"allowedSourceCidrs": ["10.0.0.0/8", "2001:db8::/32"]},
                      "session": {"idleLogoutMinutes": 30.0, "maxLengthMinutes": 2.4e2}},
         "metadata": {"description": "本庁舎 / Main building", "name": "branch-a"}}
        """;

    @Test
    void sameMeaningInYamlAndJsonHasTheSameEtag() {
        PolicyDocument yaml = read(YAML);
        PolicyDocument json = read(SAME_IN_JSON);

        assertThat(json).isEqualTo(yaml);
        assertThat(json.canonicalJson()).isEqualTo(yaml.canonicalJson());
        assertThat(json.etag()).isEqualTo(yaml.etag()).hasSize(64);
    }

    @Test
    void integersWrittenAsDecimalsAreHeldAsWholeNumbers() {
        assertThat(read(SAME_IN_JSON).settings())
            .containsEntry("session.idleLogoutMinutes", 30L)
            .containsEntry("session.maxLengthMinutes", 240L);
    }

    @Test
    void setsAreSortedAndWithoutDuplicatesInCanonicalForm() {
        PolicyDocument document = read(SAME_IN_JSON);
        assertThat(document.settings().get("wipe.scope")).isEqualTo(List.of("downloads", "temp"));
        assertThat(document.settings().get("access.allowedSourceCidrs"))
            .isEqualTo(List.of("10.0.0.0/8", "2001:db8::/32"));
        assertThat(document.locks()).containsExactly("session.maxLengthMinutes", "wipe.scope");
    }

    @Test
    void canonicalJsonReadsBackAsTheSameDocument() {
        PolicyDocument document = read(YAML);
        PolicyDocument again = read(document.canonicalJson());
        assertThat(again).isEqualTo(document);
        assertThat(again.canonicalJson()).isEqualTo(document.canonicalJson());
    }

    @Test
    void etagIsStableAcrossRunsAndMachines() {
        // A fixed expectation: if this changes, every device re-downloads its policy.
        PolicyDocument minimal = read("""
            apiVersion: kioskfleet/v1
            kind: Policy
            metadata: {name: minimal}
            """);
        assertThat(minimal.canonicalJson()).isEqualTo(
            "{\"apiVersion\":\"kioskfleet/v1\",\"kind\":\"Policy\",\"locks\":[],"
                + "\"metadata\":{\"description\":\"\",\"name\":\"minimal\"},\"settings\":{}}");
        assertThat(minimal.etag()).isEqualTo(
            io.kioskfleet.protocol.canonical.Sha256.hex(minimal.canonicalJson()));
    }

    @Test
    void explicitlySettingTheDefaultIsADifferentVersionThanInheritingIt() {
        PolicyDocument inherits = read("""
            {"apiVersion": "kioskfleet/v1", "kind": "Policy", "metadata": {"name": "a"}}
            """);
        PolicyDocument setsDefault = read("""
            {"apiVersion": "kioskfleet/v1", "kind": "Policy", "metadata": {"name": "a"},
             "settings": {"session": {"maxLengthMinutes": 240}}}
            """);
        assertThat(setsDefault.etag()).isNotEqualTo(inherits.etag());
    }
}
