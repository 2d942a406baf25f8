/** Retention: month collections older than the retention period are dropped whole, each drop in the audit chain. */
package io.kioskfleet.core.retention;
