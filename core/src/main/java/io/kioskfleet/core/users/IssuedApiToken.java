package io.kioskfleet.core.users;

/**
 * A token just issued, with its secret: the only time the secret is ever shown.
 *
 * @param token  the token
 * @param secret what the script sends as {@code Authorization: Bearer <secret>}
 */
public record IssuedApiToken(ApiTokenView token, String secret) {
}
