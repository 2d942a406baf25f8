package io.kioskfleet.core.enrollment;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.devices.Device;
import io.kioskfleet.core.devices.DeviceRegistry;
import io.kioskfleet.core.devices.EnrollmentClaim;
import io.kioskfleet.core.devices.EnrollmentRefusedException;
import io.kioskfleet.core.input.InputCheck;
import io.kioskfleet.core.input.Rule;
import io.kioskfleet.core.ous.OrganisationUnits;
import io.kioskfleet.protocol.enrollment.EnrollmentAnswer;
import io.kioskfleet.protocol.enrollment.EnrollmentRequest;
import io.kioskfleet.protocol.signing.DeviceKeyPair;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * A device joining the fleet: an enrollment token, the serial IT pre-registered and the
 * device's public key make it ENROLLED. The token must be active and belong to the device's unit
 * or a unit above it (a headquarters token enrolls branch laptops; a branch token does not
 * enroll another branch's).
 */
public final class DeviceEnrollment {

    private static final int MAX_TEXT = 200;

    private final EnrollmentTokenRepository tokens;
    private final DeviceRegistry devices;
    private final OrganisationUnits units;
    private final Clock clock;

    public DeviceEnrollment(EnrollmentTokenRepository tokens, DeviceRegistry devices, OrganisationUnits units, Clock clock) {
        this.tokens = tokens;
        this.devices = devices;
        this.units = units;
        this.clock = clock;
    }

    /**
     * Enrolls the device the request names.
     *
     * @param sourceAddress where the request came from, for the audit chain
     * @throws EnrollmentRefusedException with the reason when it may not enroll
     */
    public EnrollmentAnswer enroll(EnrollmentRequest request, String sourceAddress) {
        check(request);
        EnrollmentToken token = tokens.findBySecretHash(EnrollmentTokens.hashOf(request.token())).orElseThrow(() ->
            new EnrollmentRefusedException("token-unknown", "the enrollment token is not known"));
        Instant now = clock.instant();
        refuseUnusable(token, now);
        Actor actor = new Actor("enrollment-token " + token.id(), Set.of(), Set.of(), sourceAddress);
        String serial = request.serial().strip().toUpperCase(Locale.ROOT);
        Device enrolled = devices.enroll(actor, serial, request.publicKey(), new TokenClaim(token));
        return new EnrollmentAnswer(enrolled.id(), enrolled.ouId(), enrolled.enrolledAt());
    }

    private static void check(EnrollmentRequest request) {
        InputCheck check = new InputCheck();
        check.require(request.token() != null && !request.token().isBlank() && request.token().length() <= MAX_TEXT,
            "token", Rule.LENGTH, 1, MAX_TEXT);
        check.require(request.serial() != null && !request.serial().isBlank() && request.serial().length() <= MAX_TEXT,
            "serial", Rule.LENGTH, 1, MAX_TEXT);
        try {
            DeviceKeyPair.decodePublicKey(request.publicKey());
        } catch (IllegalArgumentException e) {
            check.reject("publicKey", Rule.PUBLIC_KEY, e.getMessage());
        }
        check.require(request.agentVersion() == null || request.agentVersion().length() <= MAX_TEXT, "agentVersion", Rule.TOO_LONG, MAX_TEXT);
        check.orThrow();
    }

    private static void refuseUnusable(EnrollmentToken token, Instant now) {
        switch (token.stateAt(now)) {
            case REVOKED -> throw new EnrollmentRefusedException("token-revoked", "the enrollment token was revoked");
            case EXPIRED -> throw new EnrollmentRefusedException("token-expired",
                "the enrollment token expired at " + token.expiresAt());
            case USED_UP -> throw new EnrollmentRefusedException("token-used-up",
                "the enrollment token has enrolled all " + token.maxUses() + " devices it may");
            case ACTIVE -> {
            }
        }
    }

    /** One token's claim on one enrollment. */
    private final class TokenClaim implements EnrollmentClaim {

        private final EnrollmentToken token;

        TokenClaim(EnrollmentToken token) {
            this.token = token;
        }

        @Override
        public String tokenId() {
            return token.id();
        }

        @Override
        public void check(Device device) {
            if (!units.subtreeOf(token.ouId()).contains(device.ouId())) {
                throw new EnrollmentRefusedException("token-wrong-ou", "the enrollment token is for another "
                    + "organisation unit than device " + device.id() + "'s");
            }
        }

        @Override
        public void take() {
            Instant now = clock.instant();
            if (!tokens.takeUse(token.id(), now)) {
                // Used up, revoked or expired since it was read: say which.
                refuseUnusable(tokens.find(token.id()).orElse(token), now);
                throw new EnrollmentRefusedException("token-used-up", "the enrollment token has no use left");
            }
        }

        @Override
        public void giveBack() {
            tokens.giveBackUse(token.id());
        }
    }
}
