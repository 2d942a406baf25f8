package io.kioskfleet.app.web;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import io.kioskfleet.agentapi.auth.RateLimitExceededException;
import io.kioskfleet.core.access.ForbiddenException;
import io.kioskfleet.core.access.RefusedException;
import io.kioskfleet.core.desks.BookingRulesException;
import io.kioskfleet.core.deviceauth.DeviceAuthenticationException;
import io.kioskfleet.core.deviceauth.DeviceLockedException;
import io.kioskfleet.core.devices.EnrollmentRefusedException;
import io.kioskfleet.core.input.FieldError;
import io.kioskfleet.core.input.InvalidInputException;
import io.kioskfleet.core.input.Rule;
import io.kioskfleet.core.input.TooLargeException;
import io.kioskfleet.core.policies.InvalidPolicyException;
import io.kioskfleet.core.sessions.AttestationRefusedException;
import io.kioskfleet.core.store.ConflictException;
import io.kioskfleet.core.store.NotFoundException;
import io.kioskfleet.core.store.StoreUnavailableException;
import io.kioskfleet.core.store.VersionConflictException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;

/**
 * Turns every failure of an API call into an RFC 9457 problem+json answer: what went wrong,
 * with the path of each bad field, and never a stack trace.
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    private final MessageSource messages;

    public ProblemAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        return Problems.invalid(e.errors());
    }

    /** Booking rules also name each rule's stable reason and say it in the caller's language. */
    @ExceptionHandler(BookingRulesException.class)
    ProblemDetail bookingRules(BookingRulesException e, Locale locale) {
        ProblemDetail problem = Problems.invalid(e.errors());
        problem.setProperty("rules", e.rules().stream().map(rule -> Map.of("path", rule.path(), "reason", rule.reason(),
            "message", messages.getMessage("desks.rule." + rule.reason(), rule.args().toArray(), rule.message(), locale))).toList());
        return problem;
    }

    /** Policy problems keep the common {@code path} and {@code message} (English) and add the Japanese text and position. */
    @ExceptionHandler(InvalidPolicyException.class)
    ProblemDetail invalidPolicy(InvalidPolicyException e) {
        ProblemDetail problem = Problems.invalid(e.errors());
        problem.setProperty("errors", e.problems());
        return problem;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", e.getMessage());
    }

    @ExceptionHandler(VersionConflictException.class)
    ProblemDetail staleVersion(VersionConflictException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, e.reason(), e.getMessage());
        problem.setProperty("currentVersion", e.currentVersion());
        return problem;
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return Problems.of(HttpStatus.CONFLICT, e.reason(), e.getMessage());
    }

    @ExceptionHandler(EnrollmentRefusedException.class)
    ProblemDetail enrollmentRefused(EnrollmentRefusedException e) {
        return withReason(HttpStatus.FORBIDDEN, "enrollment-refused", e);
    }

    @ExceptionHandler(DeviceAuthenticationException.class)
    ProblemDetail deviceUnauthenticated(DeviceAuthenticationException e) {
        return withReason(HttpStatus.UNAUTHORIZED, "device-authentication", e);
    }

    @ExceptionHandler(DeviceLockedException.class)
    ProblemDetail deviceLocked(DeviceLockedException e) {
        return withReason(HttpStatus.FORBIDDEN, "device-locked", e);
    }

    @ExceptionHandler(AttestationRefusedException.class)
    ProblemDetail attestationRefused(AttestationRefusedException e) {
        return withReason(HttpStatus.UNPROCESSABLE_CONTENT, "attestation-refused", e);
    }

    private static ProblemDetail withReason(HttpStatus status, String type, RefusedException e) {
        ProblemDetail problem = Problems.of(status, type, e.getMessage());
        problem.setProperty("reason", e.reason());
        return problem;
    }

    @ExceptionHandler(RateLimitExceededException.class)
    ResponseEntity<ProblemDetail> rateLimited(RateLimitExceededException e) {
        ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", e.getMessage());
        problem.setProperty("retryAfterSeconds", e.retryAfterSeconds());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
            .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds())).body(problem);
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        return Problems.of(HttpStatus.FORBIDDEN, "forbidden", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail wrongParameterType(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        return Problems.invalid(List.of(type == null ? FieldError.of(e.getName(), Rule.INVALID_VALUE, "value")
            : JsonErrorPaths.typeError(e.getName(), type)));
    }

    @ExceptionHandler({StoreUnavailableException.class, MongoTimeoutException.class, MongoSocketException.class})
    ProblemDetail storeDown(RuntimeException e) {
        log.error("Store unavailable: {}", e.getMessage());
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", "The store does not answer; try again shortly.");
    }

    @ExceptionHandler(TooLargeException.class)
    ProblemDetail tooLarge(TooLargeException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-large", e.getMessage());
        problem.setProperty("limitBytes", e.limitBytes());
        return problem;
    }

    /** A multipart body that cannot be read (no boundary, cut short) is the caller's mistake, not ours. */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail unreadableMultipart(MultipartException e) {
        return Problems.invalid(List.of(FieldError.of("$", Rule.UNREADABLE, "the request body")));
    }

    /** Anything unforeseen: logged with an id the caller can quote, answered without internals. */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        String incident = UUID.randomUUID().toString();
        log.error("Unexpected failure, incident {}", incident, e);
        ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
            "Something went wrong on our side. Quote incident " + incident + " when reporting it.");
        problem.setProperty("incident", incident);
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        FieldError error = e.getCause() instanceof JacksonException jackson
            ? JsonErrorPaths.describe(jackson)
            : e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")
                ? FieldError.of("$", Rule.BODY_REQUIRED) : FieldError.of("$", Rule.UNREADABLE, "the request body");
        return ResponseEntity.badRequest().body(Problems.invalid(List.of(error)));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return ResponseEntity.badRequest().body(Problems.invalid(List.of(FieldError.of(e.getParameterName(), Rule.REQUIRED))));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
            .body(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-large", "The upload is larger than the service accepts."));
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
                                                                    HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.of(HttpStatus.NOT_FOUND, "no-such-endpoint",
            "There is no " + e.getHttpMethod() + " /" + e.getResourcePath() + "; the API is described at /v3/api-docs."));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        // Spring's own problems (404 route, 405, 415…) get a stable type like ours.
        if (body instanceof ProblemDetail problem
            && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(java.net.URI.create("urn:kioskfleet:problem:http-" + status.value()));
        }
        return super.createResponseEntity(body, headers, status, request);
    }
}
