/** The device list of a large fleet served from memory: a compact directory of every device, kept current on write. */
package io.kioskfleet.core.directory;
