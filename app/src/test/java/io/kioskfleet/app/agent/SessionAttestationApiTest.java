package io.kioskfleet.app.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.agent.DeviceAgent;
import io.kioskfleet.agent.FleetServerClient;
import io.kioskfleet.agent.ServerRefusal;
import io.kioskfleet.app.ApiClient.Answer;
import io.kioskfleet.app.RunningServiceTest;
import io.kioskfleet.protocol.sessions.ErasedArea;
import io.kioskfleet.protocol.sessions.RemainingManifest;
import io.kioskfleet.protocol.sessions.SessionEnd;
import io.kioskfleet.protocol.sessions.SessionEndReason;
import io.kioskfleet.protocol.sessions.SessionIds;
import io.kioskfleet.protocol.sessions.SessionStart;
import io.kioskfleet.protocol.sessions.SessionState;
import io.kioskfleet.protocol.sessions.WipeAttestation;
import io.kioskfleet.protocol.signing.AttestationSignature;
import io.kioskfleet.protocol.signing.DeviceKeyPair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Guest sessions and the signed proof of their wipe, over real HTTP with the real reference agent. */
class SessionAttestationApiTest extends RunningServiceTest {

    private static final String CERTIFICATES = "${sessionProfile}/AppData/Roaming/Microsoft/SystemCertificates/**";
    private static final String CERTIFICATE_FILE = "sessionProfile/AppData/Roaming/Microsoft/SystemCertificates/My/root.cer";

    @LocalServerPort
    int port;
    @TempDir
    Path sessionDir;
    String branch;

    @BeforeEach
    void branchWhoseWipeKeepsTheCertificateStore() {
        branch = newBranch(30);
        BranchPolicies.publishFor(admin, branch, "keep-certificates",
            "  wipe:\n    preserve:\n      - \"" + CERTIFICATES + "\"\n");
    }

    private EnrolledLaptop enrolledLaptop() {
        return EnrolledLaptop.enrolledIn(admin, port, branch, unique("SN"));
    }

    private static void write(Path dir, String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static List<String> filesUnder(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).map(file -> dir.relativize(file).toString()).toList();
        }
    }

    /** A session of {@code laptop} that started an hour ago and ended ten minutes ago, reported by hand. */
    private String endedSession(EnrolledLaptop laptop, FleetServerClient client) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofHours(1));
        String id = SessionIds.newId(start);
        client.startSession(laptop.deviceId(), laptop.keys(), new SessionStart(id, null, "3F-A-12", null, start));
        client.endSession(laptop.deviceId(), laptop.keys(), id, new SessionEnd(SessionEndReason.IDLE, start.plus(Duration.ofMinutes(50))));
        return id;
    }

    /** An attestation of a wipe that started {@code minutesAgo}, signed by {@code keys}. */
    private static WipeAttestation attestation(EnrolledLaptop laptop, String sessionId, DeviceKeyPair keys, int minutesAgo,
                                               List<String> preserved) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofMinutes(minutesAgo));
        return AttestationSignature.sign(keys, new WipeAttestation(sessionId, laptop.deviceId(), start, start.plusSeconds(2),
            List.of(new ErasedArea("${downloads}", 1, 10)), preserved, List.of(), RemainingManifest.digestOf(List.of()),
            true, null));
    }

    private static String refusalOf(Runnable attempt) {
        try {
            attempt.run();
        } catch (ServerRefusal refused) {
            assertThat(refused.type()).isEqualTo("urn:kioskfleet:problem:attestation-refused");
            return refused.status() + " " + refused.reason();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void aGuestSessionEndsOnTimeoutThenTheLaptopWipesKeepingOnlyTheCertificateAndTheAuditorSeesItVerified()
        throws IOException {
        EnrolledLaptop laptop = enrolledLaptop();
        String sessionId = laptop.agent.startSession(null, "3F-A-12").sessionId();
        assertThat(admin.get("/api/v1/sessions/" + sessionId).json().path("session").path("state").asString())
            .isEqualTo("STARTED");
        assertThat(laptop.agent.endSession(SessionEndReason.TIMEOUT).state()).isEqualTo(SessionState.ENDED);
        assertThat(laptop.agent.endSession(SessionEndReason.TIMEOUT).state()).isEqualTo(SessionState.ENDED);

        write(sessionDir, "downloads/申請書.pdf", "PDF of a resident's application");
        write(sessionDir, "browserData/Default/History", "visited pages");
        write(sessionDir, "caches/blob.bin", "cache");
        write(sessionDir, "temp/upload.tmp", "temporary");
        write(sessionDir, "sessionProfile/Documents/memo.txt", "personal memo");
        write(sessionDir, CERTIFICATE_FILE, "network certificate");
        DeviceAgent.WipeReport report = laptop.agent.wipe(sessionDir);

        assertThat(report.receipt().state()).isEqualTo(SessionState.VERIFIED);
        assertThat(filesUnder(sessionDir)).containsExactly(CERTIFICATE_FILE);
        Answer evidence = admin.get("/api/v1/sessions/" + sessionId);
        assertThat(evidence.status()).isEqualTo(200);
        assertThat(evidence.json().path("session").path("state").asString()).isEqualTo("VERIFIED");
        assertThat(evidence.json().path("session").path("endReason").asString()).isEqualTo("TIMEOUT");
        var proof = evidence.json().path("attestation");
        assertThat(proof.path("signatureVerified").asBoolean()).isTrue();
        assertThat(proof.path("erasedFiles").asLong()).isEqualTo(5);
        assertThat(proof.path("preserved").get(0).asString()).isEqualTo(CERTIFICATES);
        assertThat(proof.path("remaining").get(0).path("path").asString())
            .isEqualTo("${sessionProfile}/AppData/Roaming/Microsoft/SystemCertificates/My/root.cer");
        assertThat(proof.path("remainingDigest").asString()).isEqualTo(report.attestation().remainingDigest());

        try (FleetServerClient client = FleetServerClient.to(laptop.server)) {
            assertThat(client.attest(laptop.deviceId(), laptop.keys(), report.attestation()).state())
                .isEqualTo(SessionState.VERIFIED);
        }
        assertThat(admin.get("/api/v1/devices/" + laptop.deviceId() + "/sessions").json().path("total").asLong()).isEqualTo(1);
        assertThat(admin.get("/api/v1/sessions?ou=" + branch + "&state=VERIFIED").body()).contains(sessionId);
        assertThat(branchAdminOf(newBranch(5)).get("/api/v1/sessions/" + sessionId).status()).isEqualTo(404);
    }

    @Test
    void forgedReplayedForeignTimeTravellingAndOverPreservingAttestationsAreRefusedAndListedForAuditors() {
        EnrolledLaptop laptop = enrolledLaptop();
        EnrolledLaptop neighbour = enrolledLaptop();
        List<String> refusals = new ArrayList<>();
        try (FleetServerClient client = FleetServerClient.to(laptop.server)) {
            String id = endedSession(laptop, client);
            refusals.add(refusalOf(() -> client.attest(laptop.deviceId(), laptop.keys(),
                attestation(laptop, id, DeviceKeyPair.generate(), 5, List.of()))));
            refusals.add(refusalOf(() -> client.attest(neighbour.deviceId(), neighbour.keys(),
                attestation(neighbour, id, neighbour.keys(), 5, List.of()))));
            refusals.add(refusalOf(() -> client.attest(laptop.deviceId(), laptop.keys(),
                attestation(laptop, id, laptop.keys(), 30, List.of()))));
            refusals.add(refusalOf(() -> client.attest(laptop.deviceId(), laptop.keys(),
                attestation(laptop, id, laptop.keys(), 5, List.of(CERTIFICATES, "${downloads}/keep/**")))));
            assertThat(client.attest(laptop.deviceId(), laptop.keys(), attestation(laptop, id, laptop.keys(), 5, List.of()))
                .state()).isEqualTo(SessionState.VERIFIED);
            refusals.add(refusalOf(() -> client.attest(laptop.deviceId(), laptop.keys(),
                attestation(laptop, id, laptop.keys(), 4, List.of()))));
        }
        assertThat(refusals).containsExactly("422 bad-signature", "422 foreign-session", "422 inconsistent-times",
            "422 preserve-wider-than-policy", "422 already-attested");

        Answer listed = admin.get("/api/v1/refused-attestations?size=200");
        List<String> reasons = new ArrayList<>();
        listed.json().path("items").forEach(item -> {
            if (item.path("deviceId").asString().equals(laptop.deviceId())
                || item.path("deviceId").asString().equals(neighbour.deviceId())) {
                reasons.add(item.path("reason").asString());
            }
        });
        assertThat(reasons).containsExactlyInAnyOrder("bad-signature", "foreign-session", "inconsistent-times",
            "preserve-wider-than-policy", "already-attested");
    }

    @Test
    void theDevicesTimelineShowsTheVerifiedWipeTheRefusedProofAndTheTicketAboutIt() {
        EnrolledLaptop laptop = enrolledLaptop();
        String ticketId = admin.post("/api/v1/tickets", "{\"title\":\"消去が終わらない\",\"deviceId\":\"" + laptop.deviceId() + "\"}")
            .text("id");
        String sessionId;
        try (FleetServerClient client = FleetServerClient.to(laptop.server)) {
            sessionId = endedSession(laptop, client);
            refusalOf(() -> client.attest(laptop.deviceId(), laptop.keys(),
                attestation(laptop, sessionId, DeviceKeyPair.generate(), 5, List.of())));
            client.attest(laptop.deviceId(), laptop.keys(), attestation(laptop, sessionId, laptop.keys(), 5, List.of()));
        }

        Answer timeline = admin.get("/api/v1/devices/" + laptop.deviceId() + "/timeline");

        assertThat(timeline.status()).isEqualTo(200);
        List<String> lines = new ArrayList<>();
        timeline.json().forEach(entry -> lines.add(String.join(" ", entry.path("kind").asString(),
            entry.path("what").asString(), entry.path("ref").asString())));
        assertThat(lines).contains("attestation VERIFIED " + sessionId, "attestation REFUSED " + sessionId,
            "session IDLE " + sessionId, "ticket OPENED " + ticketId);
        assertThat(branchAdminOf(newBranch(5)).get("/api/v1/devices/" + laptop.deviceId() + "/timeline").status())
            .isEqualTo(404);
    }
}
