/** Commands: what the server orders a device to do, and the device's acknowledgements and results. */
package io.kioskfleet.protocol.commands;
