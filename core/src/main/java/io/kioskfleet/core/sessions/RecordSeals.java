package io.kioskfleet.core.sessions;

import io.kioskfleet.core.store.KeyFile;
import io.kioskfleet.protocol.sessions.ErasedArea;
import io.kioskfleet.protocol.sessions.RemainingFile;
import io.kioskfleet.protocol.sessions.SessionIds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server's seal on each stored session and attestation: an HMAC-SHA256 of the record's
 * evidence fields under a secret kept in {@code <data-dir>/record-seal.key}, outside the store.
 * The server seals a record whenever it writes it, after it has checked what it writes (an
 * attestation's Ed25519 signature included), so a report checks a seal (about a microsecond)
 * instead of the device's signature (about 100 µs): someone who alters the store cannot make a
 * seal that holds without the key file. A session's state and version are not sealed: they follow
 * from its proof and move without its evidence changing (the sweep marks sessions unverified).
 */
public final class RecordSeals {

    /** The secret's file name in the data directory. */
    public static final String FILE_NAME = "record-seal.key";
    private static final String ALGORITHM = "HmacSHA256";
    private static final char NULL = '\u0000';
    private static final char END = '\u001e';

    private final SecretKeySpec key;
    private final Instant since;
    private final ThreadLocal<Mac> macs;

    private RecordSeals(byte[] secret, Instant since) {
        this.key = new SecretKeySpec(secret, ALGORITHM);
        this.since = since;
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** The seals of the key kept in {@code dataDir}, made there first if there is none. */
    public static RecordSeals inDirectory(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        byte[] secret = KeyFile.readOrCreate(file, () -> {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            return fresh;
        });
        try {
            return new RecordSeals(secret, Files.getLastModifiedTime(file).toInstant());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the time of " + file, e);
        }
    }

    /** The session with its seal set. */
    Session sealed(Session session) {
        return session.withSeal(sealOf(session));
    }

    /** The attestation record with its seal set. */
    StoredAttestation sealed(StoredAttestation stored) {
        return stored.withSeal(sealOf(stored));
    }

    /** True when the session's seal is the one this server would make for it now. */
    public boolean holds(Session session) {
        return session.seal() != null && session.seal().equals(sealOf(session));
    }

    /** True when the attestation record's seal is the one this server would make for it now. */
    public boolean holds(StoredAttestation stored) {
        return stored.seal() != null && stored.seal().equals(sealOf(stored));
    }

    /**
     * True when a record of this session must carry a seal: it was made after this key (its id
     * holds its time; a day's margin for devices' clocks). Older records are checked as before
     * seals existed; a newer one without a seal had its seal removed.
     */
    public boolean mustBeSealed(String sessionId) {
        return SessionIds.timeOf(sessionId).map(time -> time.isAfter(since.plus(SessionEvents.ID_DRIFT))).orElse(true);
    }

    private String sealOf(Session session) {
        StringBuilder text = new StringBuilder(256).append("kf-session v1").append(END);
        field(text, session.id());
        field(text, session.deviceId());
        field(text, session.ouId());
        field(text, session.user());
        field(text, session.desk());
        field(text, session.policyEtag());
        field(text, session.preserveAtStart() == null ? null : String.join("\u001f", session.preserveAtStart()));
        field(text, session.startedAt());
        field(text, session.endReason() == null ? null : session.endReason().name());
        field(text, session.endedAt());
        return mac(text);
    }

    private String sealOf(StoredAttestation stored) {
        var attestation = stored.attestation();
        StringBuilder text = new StringBuilder(512).append("kf-attestation v1").append(END);
        field(text, stored.sessionId());
        field(text, stored.deviceId());
        field(text, stored.ouId());
        field(text, stored.receivedAt());
        field(text, stored.sourceAddress());
        field(text, attestation.sessionId());
        field(text, attestation.deviceId());
        field(text, attestation.wipeStartedAt());
        field(text, attestation.wipeFinishedAt());
        for (ErasedArea area : attestation.erased()) {
            text.append(area.area()).append('\u001f').append(area.files()).append('\u001f').append(area.bytes()).append('\u001d');
        }
        text.append(END);
        field(text, String.join("\u001f", attestation.preserved()));
        for (RemainingFile file : attestation.remaining()) {
            text.append(file.path()).append('\u001f').append(file.size()).append('\u001f').append(file.sha256()).append('\u001d');
        }
        text.append(END);
        field(text, attestation.remainingDigest());
        field(text, String.valueOf(attestation.clean()));
        field(text, attestation.signature());
        return mac(text);
    }

    private static void field(StringBuilder text, Object value) {
        if (value == null) {
            text.append(NULL);
        } else if (value instanceof Instant instant) {
            text.append(instant.toEpochMilli());
        } else {
            text.append(value);
        }
        text.append(END);
    }

    private String mac(StringBuilder text) {
        byte[] seal = macs.get().doFinal(text.toString().getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(seal);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has " + ALGORITHM, e);
        }
    }

    @Override
    public String toString() {
        return "RecordSeals[since=" + since + "]"; // never the key
    }
}
