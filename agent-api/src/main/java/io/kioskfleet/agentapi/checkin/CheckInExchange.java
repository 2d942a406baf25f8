package io.kioskfleet.agentapi.checkin;

import io.kioskfleet.core.checkin.CheckIns;
import io.kioskfleet.core.deviceauth.AuthenticatedDevice;
import io.kioskfleet.protocol.checkin.CheckInAnswer;
import io.kioskfleet.protocol.checkin.CheckInRequest;
import io.kioskfleet.protocol.signing.DeviceHeaders;
import jakarta.servlet.http.HttpServletRequest;
import java.util.function.BiConsumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * One check-in as HTTP: the report read from the signed body, the answer, and the headers every
 * answer carries (the policy's ETag, the server's time, when to check in next). Shared by
 * {@link CheckInEndpoint} (the path devices take) and {@link CheckInController} (the rest: wrong
 * media types, other methods, the API description), so both answer alike.
 */
public final class CheckInExchange {

    private final CheckIns checkIns;
    /** Built once, with the application's own (strict) JSON settings. */
    private final ObjectReader reports;
    private final ObjectWriter answers;

    public CheckInExchange(CheckIns checkIns, JsonMapper json) {
        this.checkIns = checkIns;
        this.reports = json.readerFor(CheckInRequest.class);
        this.answers = json.writerFor(CheckInAnswer.class);
    }

    /** The answer to {@code device}'s check-in {@code body}; unreadable JSON is refused as Spring MVC refuses it (400). */
    CheckInAnswer answer(AuthenticatedDevice device, byte[] body, HttpServletRequest request) {
        return checkIns.checkIn(device, report(body, request), request.getRemoteAddr());
    }

    /** Hands each header of {@code answer} to {@code header}. */
    static void headersOf(CheckInAnswer answer, BiConsumer<String, String> header) {
        if (answer.policyEtag() != null) {
            header.accept(HttpHeaders.ETAG, "\"" + answer.policyEtag() + "\"");
        }
        header.accept(DeviceHeaders.SERVER_TIME, answer.serverTime().toString());
        header.accept(DeviceHeaders.NEXT_CHECK_IN, Integer.toString(answer.nextCheckInSeconds()));
    }

    /** The answer's JSON body. */
    byte[] bodyOf(CheckInAnswer answer) {
        return answers.writeValueAsBytes(answer);
    }

    private CheckInRequest report(byte[] body, HttpServletRequest request) {
        CheckInRequest report;
        try {
            report = reports.readValue(body);
        } catch (JacksonException unreadable) {
            throw new HttpMessageNotReadableException("JSON parse error: " + unreadable.getOriginalMessage(), unreadable,
                new ServletServerHttpRequest(request));
        }
        if (report == null) {
            throw new HttpMessageNotReadableException("Required request body is missing", new ServletServerHttpRequest(request));
        }
        return report;
    }
}
