package io.kioskfleet.console;

import io.kioskfleet.core.access.Actor;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every console page shows besides its own content: the signed-in user (in the header)
 * and the zone times are shown in ({@code kioskfleet.time-zone}). Only for {@link ConsolePage}
 * controllers, so API calls and the device API do none of this work.
 */
@ControllerAdvice(annotations = ConsolePage.class)
public class ConsolePageModel {

    private final ZoneId zone;

    public ConsolePageModel(@Value("${kioskfleet.time-zone:Asia/Tokyo}") ZoneId zone) {
        this.zone = zone;
    }

    @ModelAttribute("actor")
    public Actor actor(Actor actor) {
        return actor;
    }

    @ModelAttribute("zone")
    public ZoneId zone() {
        return zone;
    }
}
