/**
 * Job runs: the record of each firing of a schedule (a wave or a sweep) with its state and
 * progress counts, keyed by the firing so a repeated firing finds the same run; admins list,
 * read and cancel them. The work itself lives in the {@code jobs} module.
 */
package io.kioskfleet.core.jobruns;
