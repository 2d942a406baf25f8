package io.kioskfleet.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.app.ApiClient.Answer;
import io.kioskfleet.app.RunningServiceTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemResponsesTest extends RunningServiceTest {

    private static List<String> paths(Answer answer) {
        List<String> paths = new ArrayList<>();
        answer.json().path("errors").forEach(error -> paths.add(error.path("path").asString()));
        return paths;
    }

    private static void assertProblem(Answer answer, int status, String type) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.text("type")).isEqualTo("urn:kioskfleet:problem:" + type);
        assertThat(answer.body()).doesNotContain("Exception", "\tat ", "at io.kioskfleet");
    }

    @Test
    void malformedJsonSaysWhere() {
        Answer answer = admin.post("/api/v1/devices", "{\"serial\": \"SN-1\",");
        assertProblem(answer, 400, "validation");
        assertThat(answer.json().path("errors").get(0).path("message").asString()).startsWith("malformed JSON at line 1");
    }

    @Test
    void anUnknownFieldIsNamed() {
        Answer answer = admin.post("/api/v1/ous", "{\"name\":\"x\",\"colour\":\"red\"}");
        assertProblem(answer, 400, "validation");
        assertThat(paths(answer)).containsExactly("colour");
    }

    @Test
    void aWrongTypeIsNamedWithItsPath() {
        Answer answer = admin.post("/api/v1/ous", "{\"name\":\"x\",\"travelMinutes\":\"far\"}");
        assertProblem(answer, 400, "validation");
        assertThat(paths(answer)).containsExactly("travelMinutes");
        assertThat(answer.json().path("errors").get(0).path("message").asString()).isEqualTo("must be a whole number");

        Answer nested = admin.post("/api/v1/devices", "{\"serial\":\"SN-X1\",\"tags\":[\"a\",{\"b\":1}]}");
        assertThat(paths(nested)).containsExactly("tags[1]");
    }

    @Test
    void aNumberIsNotTakenForAString() {
        Answer answer = admin.post("/api/v1/devices", "{\"serial\":12345,\"ouId\":\"ou_x\"}");
        assertProblem(answer, 400, "validation");
        assertThat(paths(answer)).containsExactly("serial");
    }

    @Test
    void missingFieldsAreAllListed() {
        Answer answer = admin.post("/api/v1/devices", "{}");
        assertProblem(answer, 400, "validation");
        assertThat(paths(answer)).containsExactly("serial", "ouId");
    }

    @Test
    void aMissingBodyIsNamed() {
        Answer answer = admin.post("/api/v1/devices", "");
        assertProblem(answer, 400, "validation");
        assertThat(paths(answer)).containsExactly("$");
    }

    @Test
    void aBadQueryParameterIsNamed() {
        assertThat(paths(admin.get("/api/v1/devices?page=first"))).containsExactly("page");
        assertThat(paths(admin.get("/api/v1/devices?status=MISSING"))).containsExactly("status");
        assertThat(paths(admin.get("/api/v1/devices?size=100000"))).containsExactly("size");
        assertThat(paths(admin.get("/api/v1/devices?page=2147483647&size=500"))).containsExactly("page");
    }

    @Test
    void unknownIdsAndRoutesAre404() {
        assertProblem(admin.get("/api/v1/devices/dev_doesnotexist"), 404, "not-found");
        assertProblem(admin.get("/api/v1/ous/ou_doesnotexist"), 404, "not-found");
        assertProblem(admin.get("/api/v1/no-such-thing"), 404, "no-such-endpoint");
    }

    @Test
    void aWrongMethodOrMediaTypeIsAProblemToo() {
        assertProblem(admin.delete("/api/v1/devices"), 405, "http-405");
        assertProblem(admin.postBytes("/api/v1/devices", "application/xml", "<x/>".getBytes()), 415, "http-415");
    }

    @Test
    void aMultipartBodyWithoutABoundaryIsTheCallersMistake() {
        assertProblem(admin.postBytes("/api/v1/devices", "multipart/form-data; boundary=", "{}".getBytes()), 400, "validation");
    }

    @Test
    void aRequestTheFirewallRefusesIsAProblemToo() {
        Answer answer = admin.get("/api/v1/devices;jsessionid=x");
        assertProblem(answer, 400, "http-400");
    }

    @Test
    void aBodyLargerThanAnyCallNeedsIsRefusedUnread() {
        byte[] body = new byte[7 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) ' ');
        Answer answer = admin.postBytes("/api/v1/ous", "application/json", body);
        assertProblem(answer, 413, "too-large");
    }
}
