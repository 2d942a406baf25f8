package io.kioskfleet.agentapi.enrollment;

import io.kioskfleet.core.enrollment.DeviceEnrollment;
import io.kioskfleet.protocol.enrollment.EnrollmentAnswer;
import io.kioskfleet.protocol.enrollment.EnrollmentRequest;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /agent/v1/enroll}: a device joins the fleet with a token, its serial and its public key. */
@RestController
public class EnrollmentController {

    private final DeviceEnrollment enrollment;

    public EnrollmentController(DeviceEnrollment enrollment) {
        this.enrollment = enrollment;
    }

    @PostMapping(path = "/agent/v1/enroll", consumes = MediaType.APPLICATION_JSON_VALUE)
    public EnrollmentAnswer enroll(@RequestBody EnrollmentRequest body, HttpServletRequest request) {
        return enrollment.enroll(body, request.getRemoteAddr());
    }
}
