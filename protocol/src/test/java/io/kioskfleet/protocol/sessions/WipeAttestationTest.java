package io.kioskfleet.protocol.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.protocol.signing.AttestationSignature;
import io.kioskfleet.protocol.signing.DeviceKeyPair;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class WipeAttestationTest {

    private static final Instant START = Instant.parse("2026-11-23T01:00:00Z");

    private static WipeAttestation attestation(List<RemainingFile> remaining) {
        return new WipeAttestation("ses_01m84c0hq342dtywc0e2", "dev_01m84c0hq342dtywc0e2", START, START.plusSeconds(4),
            List.of(new ErasedArea("${downloads}", 3, 1200)), List.of("${sessionProfile}/Certs/**"), remaining,
            RemainingManifest.digestOf(remaining), true, null);
    }

    @Test
    void anAttestationSignedByTheDeviceVerifiesWithItsPublicKeyAndNotOnceChanged() {
        DeviceKeyPair keys = DeviceKeyPair.generate();
        byte[] publicKey = Base64.getUrlDecoder().decode(keys.publicKeyText());
        WipeAttestation signed = AttestationSignature.sign(keys, attestation(List.of()));
        assertThat(AttestationSignature.verify(publicKey, signed)).isTrue();

        WipeAttestation tampered = new WipeAttestation(signed.sessionId(), signed.deviceId(), signed.wipeStartedAt(),
            signed.wipeFinishedAt(), List.of(new ErasedArea("${downloads}", 0, 0)), signed.preserved(),
            signed.remaining(), signed.remainingDigest(), true, signed.signature());
        assertThat(AttestationSignature.verify(publicKey, tampered)).isFalse();
        assertThat(AttestationSignature.verify(Base64.getUrlDecoder().decode(DeviceKeyPair.generate().publicKeyText()),
            signed)).isFalse();
    }

    @Test
    void theManifestDigestDoesNotDependOnTheOrderFilesWereFoundIn() {
        RemainingFile a = new RemainingFile("${sessionProfile}/Certs/a.cer", 10, "aa");
        RemainingFile b = new RemainingFile("${sessionProfile}/Certs/b.cer", 20, "bb");
        assertThat(RemainingManifest.digestOf(List.of(b, a))).isEqualTo(RemainingManifest.digestOf(List.of(a, b)))
            .isNotEqualTo(RemainingManifest.digestOf(List.of(a)));
        assertThat(RemainingManifest.digestOf(List.of()))
            .isEqualTo("4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945"); // SHA-256 of "[]"
    }

    @Test
    void preservePatternsMatchWithinAndAcrossSegments() {
        PreservePattern certificates = PreservePattern.of("${sessionProfile}/AppData/**/Certificates/*.cer");
        assertThat(certificates.matches("${sessionProfile}/AppData/Roaming/X/Certificates/root.cer")).isTrue();
        assertThat(certificates.matches("${sessionProfile}/AppData/Roaming/X/Certificates/sub/root.cer")).isFalse();
        assertThat(certificates.matches("${downloads}/AppData/x/Certificates/root.cer")).isFalse();
        assertThat(PreservePattern.of("${sessionProfile}/Certs/**").matches("${sessionProfile}/Certs/a/b.cer")).isTrue();
    }

    @Test
    void aSessionIdCarriesTheInstantItWasMadeFor() {
        String id = SessionIds.newId(START);
        assertThat(id).startsWith("ses_").hasSize(24);
        assertThat(SessionIds.timeOf(id)).contains(START);
        assertThat(SessionIds.timeOf("ses_nope")).isEmpty();
        assertThat(SessionIds.timeOf("dev_01m84c0hq342dtywc0e2")).isEmpty();
    }
}
