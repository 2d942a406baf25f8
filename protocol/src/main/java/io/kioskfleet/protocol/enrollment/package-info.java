/** Enrollment: what a device sends to join the fleet and what it gets back. */
package io.kioskfleet.protocol.enrollment;
