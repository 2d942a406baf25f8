package io.kioskfleet.agentapi.time;

import io.kioskfleet.protocol.checkin.ServerTime;
import java.time.Clock;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /agent/v1/time} (unsigned): the server's clock. It reveals nothing and touches no
 * store, so it is also the baseline the check-in benchmark compares signed check-ins with.
 */
@RestController
public class ServerTimeController {

    private final Clock clock;

    public ServerTimeController(Clock clock) {
        this.clock = clock;
    }

    @GetMapping("/agent/v1/time")
    public ServerTime now() {
        return new ServerTime(clock.instant());
    }
}
