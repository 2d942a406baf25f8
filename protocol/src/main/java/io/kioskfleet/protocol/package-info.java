/**
 * The device wire protocol: request and response records, request signing and canonical JSON.
 * Plain Java: no Spring, no MongoDB, no HTTP server.
 */
package io.kioskfleet.protocol;
