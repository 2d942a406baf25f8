/** Request signing: the device's Ed25519 key pair, what is signed, and signing and verifying it. */
package io.kioskfleet.protocol.signing;
