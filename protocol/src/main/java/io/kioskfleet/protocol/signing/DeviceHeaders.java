package io.kioskfleet.protocol.signing;

/** The HTTP headers of the device protocol, named once for both sides. */
public final class DeviceHeaders {

    /** The device id ({@code dev_…}) a signed request speaks for. */
    public static final String DEVICE = "X-KF-Device";
    /** When the device signed the request: an ISO-8601 instant, e.g. {@code 2026-11-23T01:02:03.456Z}. */
    public static final String TIMESTAMP = "X-KF-Timestamp";
    /** A value the device never uses twice: 16 to 64 base64url characters. */
    public static final String NONCE = "X-KF-Nonce";
    /** The Ed25519 signature over the canonical string, base64url without padding. */
    public static final String SIGNATURE = "X-KF-Signature";
    /** In a check-in answer: the server's time, an ISO-8601 instant. */
    public static final String SERVER_TIME = "X-KF-Server-Time";
    /** In a check-in answer: seconds until the device should check in next. */
    public static final String NEXT_CHECK_IN = "X-KF-Next-Check-In";

    private DeviceHeaders() {
    }
}
