package io.kioskfleet.core.enrollment;

/**
 * A token just created, with its secret: the only time anyone sees the secret.
 *
 * @param secret what the device (or whoever sets it up) sends to enroll
 * @param token  the token
 */
public record IssuedEnrollmentToken(String secret, EnrollmentTokenView token) {

    @Override
    public String toString() {
        return "IssuedEnrollmentToken[token=" + token + "]";
    }
}
