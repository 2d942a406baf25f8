package io.kioskfleet.protocol.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kioskfleet.protocol.canonical.Sha256;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Detached signatures of evidence exports, and the server key written as PEM. */
class EvidenceSignatureTest {

    private final DeviceKeyPair server = DeviceKeyPair.generate();
    private final byte[] report = "record,branch\nsession,北部支所\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void aSignatureReadBackFromItsFileVerifiesTheExportItSigned() {
        EvidenceSignature signature = EvidenceSignature.parse(EvidenceSignature.sign(server, Sha256.hex(report)).toText());

        assertThat(signature.verifies(server.publicKeyBytes(), report)).isTrue();
        assertThat(signature.keyFingerprint()).isEqualTo(ServerKeys.fingerprintOf(server.publicKeyBytes()));
    }

    @Test
    void oneFlippedByteOrAnotherKeyFailsVerification() {
        EvidenceSignature signature = EvidenceSignature.sign(server, Sha256.hex(report));
        byte[] altered = report.clone();
        altered[3] ^= 1;

        assertThat(signature.verifies(server.publicKeyBytes(), altered)).isFalse();
        assertThat(signature.verifies(DeviceKeyPair.generate().publicKeyBytes(), report)).isFalse();
    }

    @Test
    void aPublicKeySurvivesPemAndOtherTextIsRefused() {
        assertThat(ServerKeys.fromPem(ServerKeys.toPem(server.publicKeyBytes()))).isEqualTo(server.publicKeyBytes());
        assertThatThrownBy(() -> ServerKeys.fromPem("hello")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EvidenceSignature.parse("hello")).isInstanceOf(IllegalArgumentException.class);
    }
}
