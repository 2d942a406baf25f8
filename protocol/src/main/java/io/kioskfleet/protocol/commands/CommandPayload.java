package io.kioskfleet.protocol.commands;

import io.kioskfleet.protocol.policy.LocalizedText;
import io.kioskfleet.protocol.policy.WipeArea;
import java.util.List;

/**
 * What a command carries besides its type; each part is null unless the type uses it.
 *
 * @param message   for MESSAGE: the text to show, in Japanese and English
 * @param wipeAreas for WIPE: the areas to erase; null or empty means those the policy names
 * @param reason    for LOCK: why the device was locked, shown on the lock screen
 */
public record CommandPayload(LocalizedText message, List<WipeArea> wipeAreas, String reason) {

    /** A payload that carries nothing. */
    public static final CommandPayload NONE = new CommandPayload(null, null, null);

    public CommandPayload {
        wipeAreas = wipeAreas == null ? null : List.copyOf(wipeAreas);
    }
}
