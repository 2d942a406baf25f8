package io.kioskfleet.protocol.enrollment;

/**
 * What a device sends to enroll, unsigned: it has no identity yet, the token vouches for it.
 *
 * @param token        the enrollment token's secret, as an admin was shown it once
 * @param serial       the serial number IT pre-registered for this device
 * @param publicKey    the device's Ed25519 public key, base64url (32 bytes)
 * @param agentVersion the agent's version, if it says
 */
public record EnrollmentRequest(String token, String serial, String publicKey, String agentVersion) {

    @Override
    public String toString() {
        // The token is a secret: keep it out of logs.
        return "EnrollmentRequest[serial=" + serial + ", publicKey=" + publicKey + ", agentVersion=" + agentVersion + "]";
    }
}
