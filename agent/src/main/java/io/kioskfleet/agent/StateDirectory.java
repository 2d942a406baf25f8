package io.kioskfleet.agent;

import io.kioskfleet.protocol.policy.DevicePolicy;
import io.kioskfleet.protocol.signing.DeviceKeyPair;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What the agent keeps on the device between runs, in one directory: its private key
 * ({@code device.key}, the raw 32 bytes, readable by its owner only), its enrolled identity
 * ({@code identity.json}), the policy it enforces ({@code policy.json}) and, while it is locked
 * as lost, the {@code locked} marker with the reason, from a session's start until its wipe is
 * attested, {@code session.json}, and results of commands the server has not taken yet,
 * {@code command-results.json}. Files are replaced
 * whole (write, then rename), so a crash leaves the old file or the new one, never half of one.
 */
public final class StateDirectory {

    static final String KEY_FILE = "device.key";
    static final String IDENTITY_FILE = "identity.json";
    static final String POLICY_FILE = "policy.json";
    static final String LOCKED_FILE = "locked";
    static final String SESSION_FILE = "session.json";
    static final String RESULTS_FILE = "command-results.json";

    private final Path dir;

    public StateDirectory(Path dir) {
        this.dir = dir;
    }

    /** The device's key pair: read from the key file, or generated and saved on the first run. */
    public DeviceKeyPair keys() {
        Path file = dir.resolve(KEY_FILE);
        try {
            if (Files.exists(file)) {
                return DeviceKeyPair.fromPrivateKey(Files.readAllBytes(file));
            }
            DeviceKeyPair keys = DeviceKeyPair.generate();
            writeWhole(KEY_FILE, keys.privateKeyBytes());
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the key file " + file, e);
        }
    }

    /** The identity enrollment gave, if the device enrolled. */
    public Optional<EnrolledIdentity> identity() {
        return read(IDENTITY_FILE, EnrolledIdentity.class);
    }

    /** Keeps the identity enrollment gave. */
    public void saveIdentity(EnrolledIdentity identity) {
        write(IDENTITY_FILE, ProtocolJson.MAPPER.writeValueAsBytes(identity));
    }

    /** The policy the device holds, if it got one. */
    public Optional<DevicePolicy> policy() {
        return read(POLICY_FILE, DevicePolicy.class);
    }

    /** Keeps the policy the server sent. */
    public void savePolicy(DevicePolicy policy) {
        write(POLICY_FILE, ProtocolJson.MAPPER.writeValueAsBytes(policy));
    }

    /** The session the device is in, or whose wipe is not attested yet. */
    public Optional<CurrentSession> session() {
        return read(SESSION_FILE, CurrentSession.class);
    }

    /** Keeps the current session. */
    public void saveSession(CurrentSession session) {
        write(SESSION_FILE, ProtocolJson.MAPPER.writeValueAsBytes(session));
    }

    /** Forgets the session once its wipe is attested. */
    public void forgetSession() {
        deleteIfThere(SESSION_FILE);
    }

    /** Forgets the enrollment and its policy (the device retired); the key stays, for a later enrollment. */
    public void forgetEnrollment() {
        deleteIfThere(IDENTITY_FILE);
        deleteIfThere(POLICY_FILE);
        deleteIfThere(LOCKED_FILE);
    }

    /** Results of commands carried out that the server has not taken yet, oldest first. */
    List<CommandOutcome> unreportedResults() {
        return read(RESULTS_FILE, CommandOutcome[].class).map(List::of).orElse(List.of());
    }

    /** Keeps the results the server has not taken yet (none: the file goes). */
    void saveUnreportedResults(Collection<CommandOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            deleteIfThere(RESULTS_FILE);
        } else {
            write(RESULTS_FILE, ProtocolJson.MAPPER.writeValueAsBytes(outcomes));
        }
    }

    /** The reason the device was locked as lost, while it is; empty when it is not locked. */
    public Optional<String> lostMode() {
        Path file = dir.resolve(LOCKED_FILE);
        try {
            return Files.exists(file) ? Optional.of(Files.readString(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Marks the device locked as lost (a LOCK command), keeping {@code reason}. */
    public void enterLostMode(String reason) {
        write(LOCKED_FILE, (reason == null ? "" : reason).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Removes the lost-mode marker (the server unlocked the device). */
    public void leaveLostMode() {
        deleteIfThere(LOCKED_FILE);
    }

    private void deleteIfThere(String name) {
        try {
            Files.deleteIfExists(dir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir.resolve(name), e);
        }
    }

    private <T> Optional<T> read(String name, Class<T> type) {
        Path file = dir.resolve(name);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ProtocolJson.MAPPER.readValue(Files.readAllBytes(file), type));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private void write(String name, byte[] content) {
        try {
            writeWhole(name, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(name), e);
        }
    }

    /** Writes a file readable and writable by its owner only (where the file system knows owners). */
    private void writeWhole(String name, byte[] content) throws IOException {
        Files.createDirectories(dir);
        Path temporary = dir.resolve(name + ".new");
        Files.deleteIfExists(temporary);
        try {
            Files.createFile(temporary, ownerOnly());
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(temporary);
        } catch (FileAlreadyExistsException raced) {
            throw new IOException("another agent is writing " + temporary, raced);
        }
        Files.write(temporary, content);
        try {
            Files.move(temporary, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static FileAttribute<?> ownerOnly() {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    }
}
