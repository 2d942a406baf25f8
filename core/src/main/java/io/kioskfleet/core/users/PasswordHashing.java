package io.kioskfleet.core.users;

/** Turns a password into the hash stored for it; the web layer supplies the algorithm. */
@FunctionalInterface
public interface PasswordHashing {

    /** The hash to store for {@code rawPassword}. */
    String hash(String rawPassword);
}
