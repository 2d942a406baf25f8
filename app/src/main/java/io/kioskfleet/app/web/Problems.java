package io.kioskfleet.app.web;

import io.kioskfleet.core.input.FieldError;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The problem types the API answers with (RFC 9457). A type is a stable URN a client can
 * switch on; the detail is for people. docs/api.md lists them.
 */
final class Problems {

    private Problems() {
    }

    static ProblemDetail of(HttpStatusCode status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:kioskfleet:problem:" + type));
        HttpStatus known = HttpStatus.resolve(status.value());
        problem.setTitle(known == null ? "Error" : known.getReasonPhrase());
        return problem;
    }

    static ProblemDetail invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
            ? errors.get(0).path() + ": " + errors.get(0).message()
            : errors.size() + " fields are invalid; see errors";
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "validation", detail);
        problem.setProperty("errors", errors);
        return problem;
    }
}
