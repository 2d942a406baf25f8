/** The audit chain's link hash, shared by the server that writes the chain and any offline checker of an export. */
package io.kioskfleet.protocol.audit;
