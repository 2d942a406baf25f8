/**
 * Reading submitted policy text (YAML or JSON) safely into a small tree that remembers where
 * each value was written; limits on size, aliases and nesting keep hostile input harmless.
 */
package io.kioskfleet.policies.source;
