package io.kioskfleet.app;

import io.kioskfleet.core.access.Role;
import io.kioskfleet.core.store.FleetStore;
import io.kioskfleet.core.store.IdKind;
import io.kioskfleet.core.users.User;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of tests that use the whole service over real HTTP on a random port, on the embedded
 * store in a fresh directory. All such tests share one running service, so each test makes its
 * own names and serials.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"kioskfleet.admin-password=" + RunningServiceTest.ADMIN_PASSWORD,
        // Selenium warns on every start that it has no DevTools bindings for this Chromium; not used.
        "logging.level.org.openqa.selenium=ERROR",
        // Webhook tests send to a receiver on this machine, and should not wait long for the worker.
        "kioskfleet.webhooks.allow-loopback=true", "kioskfleet.webhooks.every=200ms"})
public abstract class RunningServiceTest {

    protected static final String ADMIN_PASSWORD = "test-admin-password";
    private static final Path DATA_DIR = temporaryDirectory();

    @LocalServerPort
    int port;

    protected ApiClient admin;
    protected ApiClient anonymous;
    @Autowired
    protected FleetStore store;
    @Autowired
    PasswordEncoder passwords;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("kioskfleet.data-dir", DATA_DIR::toString);
    }

    @BeforeEach
    void clients() {
        admin = ApiClient.signedIn(port, "admin", ADMIN_PASSWORD);
        anonymous = ApiClient.anonymous(port);
    }

    private static Path temporaryDirectory() {
        try {
            Path dir = Files.createTempDirectory("kioskfleet-test-");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final java.util.concurrent.atomic.AtomicLong NEXT = new java.util.concurrent.atomic.AtomicLong();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase(java.util.Locale.ROOT);

    /** A name no other test uses. */
    protected static String unique(String prefix) {
        return prefix + "-" + RUN + "-" + NEXT.incrementAndGet();
    }

    /** Headquarters, created by the first test that needs it. */
    protected String headquartersId() {
        ApiClient.Answer list = admin.get("/api/v1/ous");
        for (var unit : list.json()) {
            if ("HEADQUARTERS".equals(unit.path("kind").asString())) {
                return unit.path("id").asString();
            }
        }
        ApiClient.Answer created = admin.post("/api/v1/ous", "{\"name\":\"本庁舎\",\"address\":\"中央区1-1\"}");
        if (created.status() == 409) {
            return headquartersId();
        }
        return created.text("id");
    }

    /** A client signed in as a new branch admin of {@code ouId}. */
    protected ApiClient branchAdminOf(String ouId) {
        String username = unique("branch").toLowerCase(Locale.ROOT);
        store.collection("users", User.class).insertOne(new User(IdKind.USER.newId(), username,
            passwords.encode("branch-password"), Set.of(Role.BRANCH_ADMIN), Set.of(ouId), true, Instant.now(), 1));
        return ApiClient.signedIn(port, username, "branch-password");
    }

    /** A new branch office under headquarters. */
    protected String newBranch(int travelMinutes) {
        String body = "{\"name\":\"" + unique("支所") + "\",\"parentId\":\"" + headquartersId()
            + "\",\"address\":\"北区1-2-3\",\"travelMinutes\":" + travelMinutes + "}";
        return admin.post("/api/v1/ous", body).text("id");
    }
}
