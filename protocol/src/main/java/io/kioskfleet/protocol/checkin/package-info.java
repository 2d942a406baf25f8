/** Check-in: the device's periodic signed report and the server's answer. */
package io.kioskfleet.protocol.checkin;
