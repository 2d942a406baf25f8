/**
 * Load and scale benchmarks. They are run by hand (see bench/README.md), never as timed unit
 * tests; their printed figures are recorded in bench/RESULTS.md.
 */
package io.kioskfleet.bench;
