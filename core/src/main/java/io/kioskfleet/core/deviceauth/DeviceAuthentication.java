package io.kioskfleet.core.deviceauth;

import io.kioskfleet.core.devices.DeviceStatus;
import io.kioskfleet.core.store.IdKind;
import io.kioskfleet.protocol.signing.RequestSignature;
import io.kioskfleet.protocol.signing.SignedRequest;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;


/**
 * Decides whether a request comes from the device it names: the signature must verify with the
 * device's enrolled key, the timestamp be within five minutes of the server's clock, and the
 * nonce be new. Cheap checks come first and the nonce is recorded last, so unsigned garbage
 * never reaches the store.
 */
public final class DeviceAuthentication {

    private final DeviceCredentialCache credentials;
    private final NonceLedger nonces;
    private final Clock clock;

    public DeviceAuthentication(DeviceCredentialCache credentials, NonceLedger nonces, Clock clock) {
        this.credentials = credentials;
        this.nonces = nonces;
        this.clock = clock;
    }

    /**
     * @param deviceId  the {@code X-KF-Device} header
     * @param request   what the device signed, as received
     * @param signature the {@code X-KF-Signature} header
     * @throws DeviceAuthenticationException with the reason when the request is not accepted
     */
    public AuthenticatedDevice authenticate(String deviceId, SignedRequest request, String signature) {
        if (deviceId == null || !IdKind.DEVICE.matches(deviceId)) {
            throw refused("unknown-device", "X-KF-Device must name a device (dev_…)");
        }
        if (signature == null || signature.isEmpty()) {
            throw refused("missing-signature", "the request is not signed (X-KF-Signature)");
        }
        Instant signedAt = signedAt(request.timestamp());
        if (!SignedRequest.isWellFormedNonce(request.nonce())) {
            throw refused("bad-nonce", "X-KF-Nonce must be 16 to 64 base64url characters");
        }
        DeviceCredentials device = credentials.find(deviceId)
            .orElseThrow(() -> refused("unknown-device", "no device " + deviceId));
        if (device.status() == DeviceStatus.RETIRED) {
            throw refused("device-retired", "device " + deviceId + " is retired");
        }
        if (device.publicKey() == null || device.status() == DeviceStatus.PREREGISTERED) {
            throw refused("not-enrolled", "device " + deviceId + " has not enrolled");
        }
        if (!RequestSignature.verify(device.publicKey(), request, signature)) {
            throw refused("bad-signature", "the signature does not match the request and the device's key");
        }
        if (!nonces.firstUse(deviceId, request.nonce(), signedAt)) {
            throw refused("replayed-nonce", "this nonce was used before; every request needs a new one");
        }
        return new AuthenticatedDevice(device.deviceId(), device.ouId(), device.status());
    }

    private Instant signedAt(String timestamp) {
        Instant signedAt;
        try {
            signedAt = SignedTimestamp.parse(timestamp);
        } catch (DateTimeException e) {
            throw refused("bad-timestamp", "X-KF-Timestamp must be an ISO-8601 instant such as 2026-11-23T01:02:03Z");
        }
        Duration skew = Duration.between(clock.instant(), signedAt).abs();
        if (skew.compareTo(NonceLedger.MAX_SKEW) > 0) {
            throw refused("stale-timestamp", "X-KF-Timestamp is " + skew.toSeconds() + " s from the server's clock ("
                + clock.instant() + "); at most " + NonceLedger.MAX_SKEW.toSeconds() + " s are accepted");
        }
        return signedAt;
    }

    private static DeviceAuthenticationException refused(String reason, String message) {
        return new DeviceAuthenticationException(reason, message);
    }
}
