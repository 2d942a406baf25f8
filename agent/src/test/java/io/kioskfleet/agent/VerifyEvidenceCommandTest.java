package io.kioskfleet.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.protocol.audit.AuditLinkHash;
import io.kioskfleet.protocol.canonical.CanonicalJson;
import io.kioskfleet.protocol.canonical.Sha256;
import io.kioskfleet.protocol.signing.DeviceKeyPair;
import io.kioskfleet.protocol.signing.EvidenceSignature;
import io.kioskfleet.protocol.signing.ServerKeys;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An auditor checks exported evidence with {@code kioskfleet-agent verify-evidence}, without the server. */
class VerifyEvidenceCommandTest {

    @TempDir
    Path dir;
    final DeviceKeyPair server = DeviceKeyPair.generate();
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    Path report;
    Path chain;

    @BeforeEach
    void exportedEvidence() throws IOException {
        report = dir.resolve("report.csv");
        signedFile(report, "record,branch\r\nsession,北部支所\r\n".getBytes(StandardCharsets.UTF_8));
        chain = dir.resolve("chain.jsonl");
        signedFile(chain, chainOf(3).getBytes(StandardCharsets.UTF_8));
        Files.writeString(dir.resolve("key.pem"), ServerKeys.toPem(server.publicKeyBytes()));
    }

    private void signedFile(Path file, byte[] content) throws IOException {
        Files.write(file, content);
        Files.writeString(Path.of(file + ".sig"), EvidenceSignature.sign(server, Sha256.hex(content)).toText());
    }

    /** An audit chain of {@code events} events as the server exports it. */
    private static String chainOf(int events) {
        StringBuilder lines = new StringBuilder();
        String previous = AuditLinkHash.GENESIS;
        for (int seq = 1; seq <= events; seq++) {
            Instant at = Instant.parse("2026-11-0" + seq + "T01:02:03.456Z");
            String hash = AuditLinkHash.of(seq, at, "admin", "127.0.0.1", "device.lock", "device", "dev_" + seq, "k" + seq,
                null, "{\"status\":\"LOCKED\"}", previous);
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("id", "aud_" + seq);
            event.put("seq", seq);
            event.put("at", at);
            event.put("actor", "admin");
            event.put("sourceAddress", "127.0.0.1");
            event.put("action", "device.lock");
            event.put("targetType", "device");
            event.put("targetId", "dev_" + seq);
            event.put("changeKey", "k" + seq);
            event.put("before", null);
            event.put("after", "{\"status\":\"LOCKED\"}");
            event.put("prevHash", previous);
            event.put("hash", hash);
            lines.append(CanonicalJson.write(event)).append('\n');
            previous = hash;
        }
        return lines.toString();
    }

    private int verify(String... extra) {
        List<String> args = new ArrayList<>(List.of("verify-evidence", "--export", report.toString(), "--signature",
            report + ".sig", "--public-key", dir.resolve("key.pem").toString()));
        args.addAll(List.of(extra));
        return new AgentCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    @Test
    void anUntouchedExportAndChainAreValid() {
        assertThat(verify("--audit-chain", chain.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("report.csv: valid").contains("audit chain intact, 3 events");
    }

    @Test
    void oneFlippedByteMakesTheExportInvalid() throws IOException {
        byte[] bytes = Files.readAllBytes(report);
        bytes[bytes.length - 3] ^= 1;
        Files.write(report, bytes);

        assertThat(verify()).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("report.csv: INVALID");
    }

    @Test
    void anEditedAuditEventIsReportedAtItsPosition() throws IOException {
        Files.writeString(chain, Files.readString(chain).replace("\"targetId\":\"dev_2\"", "\"targetId\":\"dev_9\""));
        Files.deleteIfExists(Path.of(chain + ".sig"));

        assertThat(verify("--audit-chain", chain.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("audit chain BROKEN at event 2").contains("aud_2 was altered");
    }

    @Test
    void anEditedChainAlsoFailsItsOwnSignature() throws IOException {
        Files.writeString(chain, Files.readString(chain).replace("dev_3", "dev_7"));

        assertThat(verify("--audit-chain", chain.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("chain.jsonl: INVALID");
    }

    @Test
    void aMissingFileIsWrongUsage() {
        assertThat(verify("--audit-chain", dir.resolve("nothing.jsonl").toString())).isEqualTo(2);
        assertThat(new AgentCommand(new PrintStream(out), new PrintStream(err)).run(List.of("verify-evidence"))).isEqualTo(2);
    }
}
