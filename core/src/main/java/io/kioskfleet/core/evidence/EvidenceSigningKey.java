package io.kioskfleet.core.evidence;

import io.kioskfleet.core.store.KeyFile;
import io.kioskfleet.protocol.signing.DeviceKeyPair;
import io.kioskfleet.protocol.signing.EvidenceSignature;
import io.kioskfleet.protocol.signing.ServerKeys;
import java.nio.file.Path;

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
        byte[] privateKey = KeyFile.readOrCreate(dataDir.resolve(FILE_NAME), () -> DeviceKeyPair.generate().privateKeyBytes());
        return new EvidenceSigningKey(DeviceKeyPair.fromPrivateKey(privateKey));
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
