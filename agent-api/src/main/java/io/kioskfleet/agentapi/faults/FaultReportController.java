package io.kioskfleet.agentapi.faults;

import io.kioskfleet.core.deviceauth.AuthenticatedDevice;
import io.kioskfleet.core.faults.DeviceFault;
import io.kioskfleet.core.faults.DeviceFaults;
import io.kioskfleet.protocol.faults.FaultReport;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /agent/v1/faults} (signed): a device reports a fault about itself. */
@RestController
public class FaultReportController {

    private final DeviceFaults faults;

    public FaultReportController(DeviceFaults faults) {
        this.faults = faults;
    }

    @PostMapping("/agent/v1/faults")
    public ResponseEntity<Map<String, String>> report(AuthenticatedDevice device, @RequestBody FaultReport report,
                                                      HttpServletRequest request) {
        DeviceFault fault = faults.report(device, report, request.getRemoteAddr());
        return ResponseEntity.status(201).body(Map.of("id", fault.id()));
    }
}
