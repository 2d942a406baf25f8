package io.kioskfleet.console.users;

/** The body of a request to set an account's password. */
public record PasswordRequest(String password) {
}
