package io.kioskfleet.app.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kioskfleet.app.RunningServiceTest;
import io.kioskfleet.protocol.faults.FaultCategory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

class FaultReportApiTest extends RunningServiceTest {

    @LocalServerPort
    int serverPort;

    private EnrolledLaptop laptopIn(String branch) {
        String serial = unique("FLT");
        admin.post("/api/v1/devices", "{\"serial\":\"" + serial + "\",\"ouId\":\"" + branch + "\"}");
        String token = admin.post("/api/v1/enrollment-tokens", "{\"ouId\":\"" + branch + "\"}").text("secret");
        return new EnrolledLaptop(serverPort).enroll(token, serial);
    }

    @Test
    void aLaptopTwoHoursAwayReportsItsWifiFaultAndTheHelpdeskSeesItOnTheDevice() {
        String branch = newBranch(120);
        EnrolledLaptop laptop = laptopIn(branch);

        laptop.reportFault(FaultCategory.NETWORK, "Wi-Fi certificate rejected", "eapol: certificate expired");

        JsonNode faults = admin.get("/api/v1/devices/" + laptop.deviceId() + "/faults").json();
        assertThat(faults.path("total").asInt()).isEqualTo(1);
        assertThat(faults.path("items").get(0).path("category").asString()).isEqualTo("NETWORK");
        assertThat(faults.path("items").get(0).path("logExcerpt").asString()).contains("certificate expired");
        assertThat(branchAdminOf(newBranch(10)).get("/api/v1/devices/" + laptop.deviceId() + "/faults").status()).isEqualTo(404);
    }

    @Test
    void aReportWithAnOversizedLogIsRefusedAndNothingIsKept() {
        EnrolledLaptop laptop = laptopIn(newBranch(30));
        assertThatThrownBy(() -> laptop.reportFault(FaultCategory.OTHER, "x", "y".repeat(20_000)))
            .hasMessageContaining("400");
        assertThat(admin.get("/api/v1/devices/" + laptop.deviceId() + "/faults").json().path("total").asInt()).isZero();
    }
}
