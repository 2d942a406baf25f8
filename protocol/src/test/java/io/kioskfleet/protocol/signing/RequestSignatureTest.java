package io.kioskfleet.protocol.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kioskfleet.protocol.canonical.Sha256;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RequestSignatureTest {

    private static final byte[] BODY = "{\"activity\":\"IDLE\"}".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-11-23T01:02:03.456Z");

    private final DeviceKeyPair keys = DeviceKeyPair.generate();
    private final byte[] publicKey = DeviceKeyPair.decodePublicKey(keys.publicKeyText());
    private final SignedRequest request = SignedRequest.of("POST", "/agent/v1/check-in", NOW, BODY);
    private final String signature = RequestSignature.sign(keys, request);

    @Test
    void theServerAcceptsWhatTheDeviceSigned() {
        assertThat(RequestSignature.verify(publicKey, request, signature)).isTrue();
    }

    @Test
    void theCanonicalStringNamesEveryPartOnItsOwnLine() {
        SignedRequest fixed = new SignedRequest("POST", "/agent/v1/check-in", "2026-11-23T01:02:03.456Z",
            "AAAAAAAAAAAAAAAAAAAAAA", Sha256.hex(BODY));
        assertThat(fixed.canonicalString()).isEqualTo("KF1-ED25519\nPOST\n/agent/v1/check-in\n2026-11-23T01:02:03.456Z\n"
            + "AAAAAAAAAAAAAAAAAAAAAA\n" + Sha256.hex(BODY));
    }

    @Test
    void aChangedMethodPathBodyTimestampOrNonceBreaksTheSignature() {
        assertThat(verifies(new SignedRequest("PUT", request.path(), request.timestamp(), request.nonce(), request.bodySha256())))
            .isFalse();
        assertThat(verifies(new SignedRequest(request.method(), "/agent/v1/enroll", request.timestamp(), request.nonce(),
            request.bodySha256()))).isFalse();
        assertThat(verifies(new SignedRequest(request.method(), request.path(), request.timestamp(), request.nonce(),
            Sha256.hex("{\"activity\":\"WIPING\"}")))).isFalse();
        assertThat(verifies(new SignedRequest(request.method(), request.path(), NOW.plusSeconds(1).toString(), request.nonce(),
            request.bodySha256()))).isFalse();
        assertThat(verifies(new SignedRequest(request.method(), request.path(), request.timestamp(), SignedRequest.newNonce(),
            request.bodySha256()))).isFalse();
    }

    @Test
    void anotherDevicesKeyDoesNotVerify() {
        byte[] otherKey = DeviceKeyPair.decodePublicKey(DeviceKeyPair.generate().publicKeyText());
        assertThat(RequestSignature.verify(otherKey, request, signature)).isFalse();
    }

    @Test
    void garbageSignaturesAreInvalidNotErrors() {
        assertThat(RequestSignature.verify(publicKey, request, null)).isFalse();
        assertThat(RequestSignature.verify(publicKey, request, "not base64 !")).isFalse();
        assertThat(RequestSignature.verify(publicKey, request, "AAAA")).isFalse();
        assertThat(RequestSignature.verify(new byte[3], request, signature)).isFalse();
    }

    @Test
    void aKeyDecodedOnceVerifiesExactlyWhatTheRawKeyVerifies() {
        VerifyKey decoded = VerifyKey.of(publicKey);
        assertThat(RequestSignature.verify(decoded, request, signature)).isTrue();
        assertThat(RequestSignature.verify(VerifyKey.of(DeviceKeyPair.generate().publicKeyBytes()), request, signature)).isFalse();
        assertThat(RequestSignature.verify(decoded, request, "AAAA")).isFalse();
        assertThat(RequestSignature.verify(VerifyKey.of(new byte[3]), request, signature)).isFalse();
        assertThat(decoded.rawBytes()).isEqualTo(publicKey);
    }

    @Test
    void aKeyFileRoundTripsToTheSameKeyPair() {
        DeviceKeyPair reloaded = DeviceKeyPair.fromPrivateKey(keys.privateKeyBytes());
        assertThat(reloaded.publicKeyText()).isEqualTo(keys.publicKeyText());
        assertThat(RequestSignature.verify(publicKey, request, RequestSignature.sign(reloaded, request))).isTrue();
        assertThat(keys.toString()).doesNotContain(java.util.Base64.getUrlEncoder().withoutPadding()
            .encodeToString(keys.privateKeyBytes()));
    }

    @Test
    void malformedPublicKeysAreRefused() {
        assertThatThrownBy(() -> DeviceKeyPair.decodePublicKey("short")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeviceKeyPair.decodePublicKey("!!!!")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeviceKeyPair.decodePublicKey(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void partsWithLineBreaksCannotBeSigned() {
        assertThatThrownBy(() -> new SignedRequest("POST", "/a\nb", "t", "n", "h")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void freshNoncesAreWellFormedAndDiffer() {
        String one = SignedRequest.newNonce();
        assertThat(SignedRequest.isWellFormedNonce(one)).isTrue();
        assertThat(one).isNotEqualTo(SignedRequest.newNonce());
        assertThat(SignedRequest.isWellFormedNonce("short")).isFalse();
        assertThat(SignedRequest.isWellFormedNonce("has spaces in it, sixteen+")).isFalse();
    }

    private boolean verifies(SignedRequest changed) {
        return RequestSignature.verify(publicKey, changed, signature);
    }
}
