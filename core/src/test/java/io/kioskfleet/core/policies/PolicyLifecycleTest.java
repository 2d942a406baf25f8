package io.kioskfleet.core.policies;

import static io.kioskfleet.core.CoreFixture.ADMIN;
import static io.kioskfleet.core.policies.PolicyTexts.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kioskfleet.core.CoreFixture;
import io.kioskfleet.core.audit.AuditEvent;
import io.kioskfleet.core.input.TooLargeException;
import io.kioskfleet.core.ous.OrganisationUnit;
import io.kioskfleet.core.ous.OuDraft;
import io.kioskfleet.core.store.PageRequest;
import io.kioskfleet.core.store.VersionConflictException;
import io.kioskfleet.policies.diff.ChangeKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drafts, publishing, history, differences and roll back, on the real embedded store. */
class PolicyLifecycleTest {

    @TempDir
    Path dataDir;
    CoreFixture fleet;
    PolicyLibrary library;

    @BeforeEach
    void open() {
        fleet = CoreFixture.open(dataDir);
        library = fleet.policies().library();
    }

    @AfterEach
    void close() {
        fleet.close();
    }

    private Policy create(String name, String text) {
        return library.create(ADMIN, name, text);
    }

    @Test
    void anInvalidDraftIsKeptWithItsProblemsButNeverPublished() {
        Policy draft = create("窓口端末", policy("counter", "session:\n  maxLengthMinutes: 2\n  idleLogoutMinuts: 5"));

        assertThat(draft.draftValid()).isFalse();
        assertThat(draft.draftProblems()).extracting(PolicyProblem::path)
            .containsExactlyInAnyOrder("settings.session.maxLengthMinutes", "settings.session.idleLogoutMinuts");
        assertThatThrownBy(() -> library.publish(ADMIN, draft.id(), null))
            .isInstanceOfSatisfying(InvalidPolicyException.class, refused -> {
                assertThat(refused.problems()).hasSize(2);
                assertThat(refused.problems()).allSatisfy(problem -> {
                    assertThat(problem.message()).isNotBlank();
                    assertThat(problem.messageJa()).isNotBlank().isNotEqualTo(problem.message());
                });
                assertThat(refused.problems()).anySatisfy(problem ->
                    assertThat(problem.message()).contains("Did you mean session.idleLogoutMinutes"));
            });
        assertThat(library.versions(ADMIN, draft.id())).isEmpty();
    }

    @Test
    void anAliasBombIsAProblemOfTheDraftNotAFailure() {
        Policy draft = create("bomb", PolicyTexts.aliasBomb());
        assertThat(draft.draftValid()).isFalse();
        assertThatThrownBy(() -> library.publish(ADMIN, draft.id(), null)).isInstanceOf(InvalidPolicyException.class);
    }

    @Test
    void aTextOverOneMebibyteIsRefusedUnread() {
        String huge = policy("huge", "device:\n  kioskApp: app") + "#" + "x".repeat(1024 * 1024);
        assertThatThrownBy(() -> create("huge", huge)).isInstanceOf(TooLargeException.class)
            .hasMessageContaining("1 MB")
            .satisfies(e -> assertThat(((TooLargeException) e).limitBytes()).isEqualTo(1024 * 1024));
    }

    @Test
    void publishedVersionsAreNumberedAndStayAsTheyWereWhenTheDraftChanges() {
        Policy policy = create("本庁標準", policy("hq", "session:\n  maxLengthMinutes: 240"));
        PolicyVersion first = library.publish(ADMIN, policy.id(), 1L);
        Policy edited = library.saveDraft(ADMIN, policy.id(), null, policy("hq", "session:\n  maxLengthMinutes: 120"), 1);
        PolicyVersion second = library.publish(ADMIN, policy.id(), edited.version());

        assertThat(first.number()).isEqualTo(1);
        assertThat(second.number()).isEqualTo(2);
        assertThat(library.version(ADMIN, policy.id(), 1).source()).contains("240").isEqualTo(first.source());
        assertThat(library.get(ADMIN, policy.id()).latestVersion()).isEqualTo(2);
        assertThat(library.versions(ADMIN, policy.id())).extracting(PolicyVersion::number).containsExactly(2, 1);
    }

    @Test
    void aDraftEditBasedOnAnOldReadIsAConflict() {
        Policy policy = create("stale", policy("stale", "session:\n  maxLengthMinutes: 240"));
        library.saveDraft(ADMIN, policy.id(), null, policy("stale", "session:\n  maxLengthMinutes: 200"), 1);
        assertThatThrownBy(() -> library.saveDraft(ADMIN, policy.id(), null, policy("stale", "{}"), 1))
            .isInstanceOfSatisfying(VersionConflictException.class, e -> assertThat(e.currentVersion()).isEqualTo(2));
        assertThatThrownBy(() -> library.publish(ADMIN, policy.id(), 1L)).isInstanceOf(VersionConflictException.class);
    }

    @Test
    void concurrentPublishesEachGetTheirOwnNumber() throws Exception {
        Policy policy = create("busy", policy("busy", "session:\n  maxLengthMinutes: 240"));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<PolicyVersion>> publishes = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                publishes.add(() -> library.publish(ADMIN, policy.id(), null));
            }
            List<Integer> numbers = new ArrayList<>();
            for (Future<PolicyVersion> done : pool.invokeAll(publishes)) {
                numbers.add(done.get().number());
            }
            assertThat(numbers).doesNotHaveDuplicates().hasSize(12).allMatch(n -> n >= 1 && n <= 12);
        } finally {
            pool.shutdown();
        }
        assertThat(library.versions(ADMIN, policy.id())).hasSize(12);
        assertThat(library.get(ADMIN, policy.id()).latestVersion()).isEqualTo(12);
    }

    @Test
    void rollingBackPublishesTheOlderTextAsTheNewestVersion() {
        Policy policy = create("rollback", policy("rb", "session:\n  maxLengthMinutes: 240"));
        library.publish(ADMIN, policy.id(), null);
        library.saveDraft(ADMIN, policy.id(), null, policy("rb", "session:\n  maxLengthMinutes: 60"), 1);
        library.publish(ADMIN, policy.id(), null);

        PolicyVersion rolledBack = library.rollBack(ADMIN, policy.id(), 1);

        assertThat(rolledBack.number()).isEqualTo(3);
        assertThat(rolledBack.rolledBackFrom()).isEqualTo(1);
        assertThat(rolledBack.etag()).isEqualTo(library.version(ADMIN, policy.id(), 1).etag());
        assertThat(library.get(ADMIN, policy.id()).draft()).contains("60");
    }

    @Test
    void theDiffNamesEachSettingAndLockThatChanged() {
        Policy policy = create("diff", policy("diff", "session:\n  maxLengthMinutes: 240\ndata:\n  printingAllowed: true"));
        library.publish(ADMIN, policy.id(), null);
        library.saveDraft(ADMIN, policy.id(), null,
            policy("diff", "session:\n  maxLengthMinutes: 120\naccess:\n  networkZone: internet", "access.networkZone"), 1);

        PolicyChanges changes = library.diff(ADMIN, policy.id(), "1", "draft");

        assertThat(changes.settings()).extracting(change -> change.key() + " " + change.kind())
            .containsExactly("access.networkZone ADDED", "data.printingAllowed REMOVED", "session.maxLengthMinutes CHANGED");
        assertThat(changes.locks()).singleElement().satisfies(lock -> {
            assertThat(lock.key()).isEqualTo("access.networkZone");
            assertThat(lock.kind()).isEqualTo(ChangeKind.ADDED);
        });
        assertThat(library.diff(ADMIN, policy.id(), "latest", "1").settings()).isEmpty();
    }

    @Test
    void everyChangeIsWrittenToAnIntactAuditChain() {
        OrganisationUnit hq = fleet.units().create(ADMIN, new OuDraft("本庁舎", null, null, 0));
        Policy policy = create("audited", policy("audited", "session:\n  maxLengthMinutes: 240"));
        library.saveDraft(ADMIN, policy.id(), "audited", policy("audited", "session:\n  maxLengthMinutes: 200"), 1);
        library.publish(ADMIN, policy.id(), null);
        library.rollBack(ADMIN, policy.id(), 1);
        fleet.policies().attachments().attach(ADMIN, hq.id(), policy.id(), null);
        fleet.policies().attachments().detach(ADMIN, hq.id());

        List<String> actions = fleet.audit().newestFirst(CoreFixture.ADMIN, new PageRequest(0, 50)).items().stream()
            .map(AuditEvent::action).toList();
        assertThat(actions).containsSubsequence("policy.detach", "policy.attach", "policy.rollback", "policy.publish",
            "policy.draft", "policy.create");
        assertThat(fleet.audit().verify(CoreFixture.ADMIN).intact()).isTrue();
    }
}
