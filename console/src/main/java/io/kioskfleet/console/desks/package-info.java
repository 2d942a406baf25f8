/**
 * Free-address desks and laptop lending in the console: the {@code /api/v1} endpoints for
 * sites, desks, bookings, occupancy and loans, desk QR codes, calendar export, and the pages
 * for admins, facilities and staff (on a phone too).
 */
package io.kioskfleet.console.desks;
