/**
 * Device commands: admins issue them for a device, a selection or a unit; devices receive them
 * in their check-in answer, acknowledge them and report results. Lost (locked) devices and
 * their contacts live here too.
 */
package io.kioskfleet.core.commands;
