package io.kioskfleet.protocol.commands;

/**
 * What a device reports after carrying a command out (the body of {@code POST
 * /agent/v1/commands/{id}/result}).
 *
 * @param success true when the command was carried out
 * @param detail  what happened, in a sentence (at most 1,000 characters), or null
 */
public record CommandResult(boolean success, String detail) {
}
