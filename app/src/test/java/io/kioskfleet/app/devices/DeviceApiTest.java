package io.kioskfleet.app.devices;

import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.app.ApiClient.Answer;
import io.kioskfleet.app.RunningServiceTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DeviceApiTest extends RunningServiceTest {

    private Answer preRegister(String serial, String ouId) {
        return admin.post("/api/v1/devices", "{\"serial\":\"" + serial + "\",\"ouId\":\"" + ouId + "\",\"model\":\"Chromebook\",\"tags\":[\"shared\"]}");
    }

    private static List<String> serials(JsonNode page) {
        List<String> serials = new ArrayList<>();
        page.path("items").forEach(item -> serials.add(item.path("serial").asString()));
        return serials;
    }

    @Test
    void aPreRegisteredDeviceCanBeReadBack() {
        String branch = newBranch(45);
        String serial = unique("SN");
        Answer created = preRegister(serial.toLowerCase(), branch);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("id")).startsWith("dev_");
        Answer read = admin.get(created.location());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text("serial")).isEqualTo(serial);
        assertThat(read.text("status")).isEqualTo("PREREGISTERED");
        assertThat(read.text("registeredAt")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }

    @Test
    void aSerialRegisteredTwiceIsAConflict() {
        String branch = newBranch(45);
        String serial = unique("SN");
        preRegister(serial, branch);
        Answer again = preRegister(serial, branch);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("type")).isEqualTo("urn:kioskfleet:problem:duplicate-serial");
        assertThat(again.text("detail")).contains(serial);
    }

    @Test
    void theListFiltersByUnitStatusAndTextAndPages() {
        String branch = newBranch(20);
        String prefix = unique("LST");
        for (int i = 1; i <= 5; i++) {
            preRegister(prefix + "-" + i, branch);
        }
        String retiredId = preRegister(prefix + "-9", branch).text("id");
        admin.post("/api/v1/devices/" + retiredId + "/retire", "{\"reason\":\"screen broken\"}");

        JsonNode firstPage = admin.get("/api/v1/devices?ou=" + branch + "&status=PREREGISTERED&size=2").json();
        assertThat(firstPage.path("total").asInt()).isEqualTo(5);
        assertThat(serials(firstPage)).containsExactly(prefix + "-1", prefix + "-2");
        assertThat(serials(admin.get("/api/v1/devices?ou=" + branch + "&status=PREREGISTERED&size=2&page=2").json()))
            .containsExactly(prefix + "-5");
        assertThat(serials(admin.get("/api/v1/devices?q=" + prefix.toLowerCase() + "&status=RETIRED").json()))
            .containsExactly(prefix + "-9");
        assertThat(admin.get("/api/v1/devices?ou=" + headquartersId() + "&subUnits=false&q=" + prefix).json().path("total").asInt())
            .isZero();
    }

    @Test
    void aDeviceIsEditedFromTheVersionReadAndAStaleEditIsAConflict() {
        String id = preRegister(unique("SN"), newBranch(5)).text("id");
        String other = newBranch(10);

        Answer edited = admin.patch("/api/v1/devices/" + id,
            "{\"ouId\":\"" + other + "\",\"model\":\"ThinkPad L13\",\"tags\":[\"窓口\"],\"notes\":\"画面に傷\",\"version\":1}");
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().path("ouId").asString()).isEqualTo(other);
        assertThat(edited.text("model")).isEqualTo("ThinkPad L13");
        assertThat(edited.json().path("tags").get(0).asString()).isEqualTo("窓口");
        assertThat(edited.text("notes")).isEqualTo("画面に傷");
        assertThat(edited.json().path("version").asInt()).isEqualTo(2);

        Answer stale = admin.patch("/api/v1/devices/" + id, "{\"model\":\"Other\",\"version\":1}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(admin.get("/api/v1/audit/search?action=device.move&target=" + id).json().path("items").size()).isEqualTo(1);
    }

    @Test
    void anEditWithBadFieldsSavesNothingAndNamesEachField() {
        String id = preRegister(unique("SN"), newBranch(5)).text("id");
        Answer refused = admin.patch("/api/v1/devices/" + id, "{\"tags\":[\"no spaces\"],\"notes\":\"" + "n".repeat(2001) + "\"}");
        assertThat(refused.status()).isEqualTo(400);
        List<String> paths = new ArrayList<>();
        refused.json().path("errors").forEach(error -> paths.add(error.path("path").asString()));
        assertThat(paths).containsExactlyInAnyOrder("version", "tags[0]", "notes");
        assertThat(admin.get("/api/v1/devices/" + id).json().path("version").asInt()).isEqualTo(1);
    }

    @Test
    void retiringRecordsTheReasonAndIsIdempotent() {
        String id = preRegister(unique("SN"), newBranch(5)).text("id");
        Answer retired = admin.post("/api/v1/devices/" + id + "/retire", "{\"reason\":\"lost\",\"version\":1}");
        assertThat(retired.status()).isEqualTo(200);
        assertThat(retired.text("status")).isEqualTo("RETIRED");
        assertThat(retired.text("retiredReason")).isEqualTo("lost");
        assertThat(admin.post("/api/v1/devices/" + id + "/retire", "").json().path("version").asInt()).isEqualTo(2);
    }

    @Test
    void aCsvFileRegistersEveryRowAndReportsEachLine() {
        String branch = newBranch(60);
        String a = unique("CSV");
        String b = unique("CSV");
        String csv = "serial,ou,model,tags\n" + a + "," + branch + ",Chromebook,shared;kiosk\n" + b + "," + branch + ",,\n";
        Answer imported = admin.postBytes("/api/v1/devices/import", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).isEqualTo(200);
        assertThat(imported.json().path("created").asInt()).isEqualTo(2);
        assertThat(imported.json().path("rows").get(1).path("line").asInt()).isEqualTo(3);
        assertThat(admin.get("/api/v1/devices?q=" + a).json().path("items").get(0).path("tags").size()).isEqualTo(2);
    }

    @Test
    void aCsvFileUploadedFromAFormIsReadToo() {
        String branch = newBranch(60);
        String serial = unique("UPL");
        String boundary = "kioskfleet-boundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"devices.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\nserial,ou\r\n" + serial + "," + branch + "\r\n--" + boundary + "--\r\n";
        Answer imported = admin.postBytes("/api/v1/devices/import?dryRun=true", "multipart/form-data; boundary=" + boundary,
            body.getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).isEqualTo(200);
        assertThat(imported.json().path("rows").get(0).path("outcome").asString()).isEqualTo("WOULD_CREATE");
        assertThat(admin.get("/api/v1/devices?q=" + serial).json().path("total").asInt()).isZero();
    }

    @Test
    void aCsvFileWithBadRowsWritesNothingAndNamesEveryLine() {
        String branch = newBranch(60);
        String good = unique("BAD");
        String csv = "serial,ou\n" + good + "," + branch + "\n!!,"+ branch + "\n" + unique("BAD") + ",nowhere\n";
        Answer refused = admin.postBytes("/api/v1/devices/import", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(refused.status()).isEqualTo(400);
        List<String> paths = new ArrayList<>();
        refused.json().path("errors").forEach(error -> paths.add(error.path("path").asString()));
        assertThat(paths).containsExactly("line 3: serial", "line 4: ou");
        assertThat(admin.get("/api/v1/devices?q=" + good).json().path("total").asInt()).isZero();
    }

    @Test
    void aCsvFileOverTheLimitIs413AndNothingIsWritten() {
        byte[] huge = new byte[5 * 1024 * 1024 + 10];
        java.util.Arrays.fill(huge, (byte) 'A');
        Answer refused = admin.postBytes("/api/v1/devices/import", "text/csv", huge);
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.text("type")).isEqualTo("urn:kioskfleet:problem:too-large");
    }

    @Test
    void aDevicesHistoryIsInTheAuditChain() {
        String id = preRegister(unique("HIS"), newBranch(5)).text("id");
        admin.post("/api/v1/devices/" + id + "/retire", "{\"reason\":\"history\"}");
        JsonNode history = admin.get("/api/v1/audit?target=" + id).json().path("items");
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.get(0).path("action").asString()).isEqualTo("device.preregister");
        assertThat(history.get(1).path("action").asString()).isEqualTo("device.retire");
    }
}
