package io.kioskfleet.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.protocol.sessions.ErasedArea;
import io.kioskfleet.protocol.sessions.RemainingFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionWipeTest {

    @TempDir
    Path session;
    @TempDir
    Path elsewhere;

    private void write(String relative, String content) throws Exception {
        Path file = session.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Test
    void everythingButThePreservedCertificateGoesAndALinkOutOfTheSessionIsRemovedWithoutTouchingItsTarget()
        throws Exception {
        write("downloads/a.pdf", "12345");
        write("downloads/deep/b.txt", "12");
        write("temp/x.tmp", "1");
        write("stray.txt", "123");
        write("sessionProfile/Certs/root.cer", "cert");
        Path outside = Files.writeString(elsewhere.resolve("precious.txt"), "not the session's");
        Files.createSymbolicLink(session.resolve("downloads/link"), outside);

        SessionWipe.Outcome outcome = new SessionWipe(session, List.of("${sessionProfile}/Certs/*.cer")).run();

        assertThat(outcome.clean()).isTrue();
        assertThat(outcome.erased()).extracting(ErasedArea::area, ErasedArea::files)
            .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("${downloads}", 3L),
                org.assertj.core.groups.Tuple.tuple("${temp}", 1L), org.assertj.core.groups.Tuple.tuple("other", 1L));
        assertThat(outcome.remaining()).extracting(RemainingFile::path).containsExactly("${sessionProfile}/Certs/root.cer");
        assertThat(outcome.preserved()).containsExactly("${sessionProfile}/Certs/*.cer");
        assertThat(Files.readString(outside)).isEqualTo("not the session's");
        assertThat(session.resolve("downloads")).isEmptyDirectory();
        assertThat(session.resolve("downloads/deep")).doesNotExist();
    }

    @Test
    void areasOutsideTheWipesScopeAreNeitherErasedNorListedWhileStrayFilesAlwaysGo() throws Exception {
        write("downloads/a.pdf", "12345");
        write("caches/big.bin", "kept until the nightly wipe");
        write("stray.txt", "123");

        SessionWipe.Outcome outcome = new SessionWipe(session, List.of(),
            List.of(io.kioskfleet.protocol.policy.WipeArea.DOWNLOADS)).run();

        assertThat(outcome.clean()).isTrue();
        assertThat(outcome.remaining()).isEmpty();
        assertThat(session.resolve("caches/big.bin")).exists();
        assertThat(session.resolve("downloads/a.pdf")).doesNotExist();
        assertThat(session.resolve("stray.txt")).doesNotExist();
    }
}
