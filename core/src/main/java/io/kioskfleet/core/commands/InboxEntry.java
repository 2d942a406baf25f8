package io.kioskfleet.core.commands;

import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * The commands one device still has to receive, kept under the device's id so a check-in finds
 * them with one read by {@code _id}.
 *
 * @param deviceId   {@code dev_…}
 * @param commandIds its pending commands ({@code cmd_…})
 */
public record InboxEntry(@BsonId String deviceId, List<String> commandIds) {

    public InboxEntry {
        commandIds = commandIds == null ? List.of() : List.copyOf(commandIds);
    }
}
