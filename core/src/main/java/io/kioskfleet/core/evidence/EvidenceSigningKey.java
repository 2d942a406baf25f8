package io.kioskfleet.core.evidence;

import io.kioskfleet.protocol.signing.DeviceKeyPair;
import io.kioskfleet.protocol.signing.EvidenceSignature;
import io.kioskfleet.protocol.signing.ServerKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The server's Ed25519 key that signs evidence exports. It is made on first start and kept in
 * {@code <data-dir>/evidence-signing.key} (the raw 32-byte private key, readable by its owner
 * only), also when the fleet lives in a MongoDB replica set: the key must not sit in the database
 * whose records it vouches for. Every instance of one deployment must share the file.
 */
public final class EvidenceSigningKey {

    /** The key file's name in the data directory. */
    public static final String FILE_NAME = "evidence-signing.key";

    private final DeviceKeyPair keys;

    private EvidenceSigningKey(DeviceKeyPair keys) {
        this.keys = keys;
    }

    /** The key kept in {@code dataDir}, made there first if there is none. */
    public static EvidenceSigningKey inDirectory(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(file)) {
                writeNew(file);
            }
            return new EvidenceSigningKey(DeviceKeyPair.fromPrivateKey(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the evidence signing key " + file, e);
        }
    }

    private static void writeNew(Path file) throws IOException {
        DeviceKeyPair fresh = DeviceKeyPair.generate();
        Path temporary = Files.createTempFile(file.getParent(), FILE_NAME, ".new");
        try {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data directory's own permissions protect the file.
        }
        Files.write(temporary, fresh.privateKeyBytes());
        try {
            Files.move(temporary, file);
        } catch (FileAlreadyExistsException anotherInstanceWasFirst) {
            Files.delete(temporary);
        }
    }

    /** A signature of the export whose bytes hash to {@code contentSha256}. */
    public EvidenceSignature sign(String contentSha256) {
        return EvidenceSignature.sign(keys, contentSha256);
    }

    /** The public key as PEM, for {@code verify-evidence --public-key}. */
    public String publicKeyPem() {
        return ServerKeys.toPem(keys.publicKeyBytes());
    }

    /** The hex SHA-256 of the raw public key. */
    public String fingerprint() {
        return ServerKeys.fingerprintOf(keys.publicKeyBytes());
    }
}
