/**
 * The fleet domain and its MongoDB storage: organisation units, devices, users and the audit
 * chain. Plain Java and the MongoDB driver: no web, no Spring. Services are plain classes with
 * constructor injection; the {@code app} module wires them.
 */
package io.kioskfleet.core;
