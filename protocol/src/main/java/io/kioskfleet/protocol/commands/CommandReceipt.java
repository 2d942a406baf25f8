package io.kioskfleet.protocol.commands;

/**
 * The server's answer to an acknowledgement or a result: the command's state now.
 *
 * @param commandId {@code cmd_…}
 * @param state     its state after the call
 */
public record CommandReceipt(String commandId, CommandState state) {
}
