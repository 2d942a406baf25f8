/**
 * Free-address desks: sites (a branch office's building), their floors and zones, desks with
 * attributes, per-site booking limits, bookings by slot that can never be double-booked (one
 * unique claim per desk and hour), check-in (QR, web page, or a session starting at the desk)
 * and the release of no-shows.
 */
package io.kioskfleet.core.desks;
