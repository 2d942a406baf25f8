/**
 * The policy language: the settings catalogue, OU inheritance, validation, and compilation to
 * the device payload. Plain Java: no Spring, no MongoDB, no HTTP.
 */
package io.kioskfleet.policies;
