/** Background work the core services repeat on their own (coalesced writes, cache refreshes). */
package io.kioskfleet.core.background;
