package io.kioskfleet.agent;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapping the agent reads and writes the protocol with: records as objects, instants
 * as ISO-8601 text. Fields it does not know are ignored, so a newer server can add some.
 */
final class ProtocolJson {

    static final JsonMapper MAPPER = JsonMapper.builder()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();

    private ProtocolJson() {
    }
}
