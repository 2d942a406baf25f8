package io.kioskfleet.agent;

import io.kioskfleet.protocol.commands.CommandResult;
import io.kioskfleet.protocol.commands.CommandType;

/**
 * A command the running agent carried out, and what came of it: kept until the server has the
 * result (in {@code command-results.json} meanwhile), and remembered a while after, so a command
 * handed over again is only reported again.
 *
 * @param commandId {@code cmd_…}
 * @param type      what it ordered
 * @param result    its outcome, as reported
 */
record CommandOutcome(String commandId, CommandType type, CommandResult result) {
}
