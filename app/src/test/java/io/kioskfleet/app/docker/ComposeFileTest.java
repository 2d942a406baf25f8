package io.kioskfleet.app.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * There is no Docker engine on the build machines, so this reads docker/compose.yaml and the
 * Dockerfile and checks that they agree with each other and with the application: replica set
 * name, member hosts and ports, the app's MONGODB_URI, and the published port.
 */
class ComposeFileTest {

    private static final Path DOCKER = Path.of("..", "docker");

    private Map<String, Object> services;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void read() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(DOCKER.resolve("compose.yaml")));
        services = (Map<String, Object>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> service(String name) {
        assertThat(services).containsKey(name);
        return (Map<String, Object>) services.get(name);
    }

    @SuppressWarnings("unchecked")
    private static String option(Map<String, Object> service, String flag) {
        List<String> command = (List<String>) service.get("command");
        int at = command.indexOf(flag);
        assertThat(at).as("%s in %s", flag, command).isNotNegative();
        return command.get(at + 1);
    }

    @SuppressWarnings("unchecked")
    private String appEnvironment(String name) {
        return String.valueOf(((Map<String, Object>) service("app").get("environment")).get(name));
    }

    @Test
    void theAppsMongoUriNamesEveryMemberOnItsPortAndTheReplicaSet() {
        ConnectionString uri = new ConnectionString(appEnvironment("MONGODB_URI"));
        List<String> members = new ArrayList<>();
        for (String host : uri.getHosts()) {
            String[] hostAndPort = host.split(":");
            Map<String, Object> member = service(hostAndPort[0]);
            assertThat(option(member, "--port")).as(host).isEqualTo(hostAndPort[1]);
            assertThat(option(member, "--replSet")).isEqualTo(uri.getRequiredReplicaSetName());
            members.add(host);
        }
        assertThat(members).hasSize(3);
        assertThat(uri.getDatabase()).isEqualTo("kioskfleet");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theInitStepInitiatesTheSameReplicaSetWithTheSameMembers() {
        ConnectionString uri = new ConnectionString(appEnvironment("MONGODB_URI"));
        Map<String, Object> init = service("mongo-init");
        String script = String.join(" ", (List<String>) init.get("command"));
        assertThat(script).contains("_id: '" + uri.getRequiredReplicaSetName() + "'");
        Matcher hosts = Pattern.compile("host: '([^']+)'").matcher(script);
        List<String> initiated = new ArrayList<>();
        while (hosts.find()) {
            initiated.add(hosts.group(1));
        }
        assertThat(initiated).containsExactlyInAnyOrderElementsOf(uri.getHosts());
        assertThat((Map<String, Object>) service("app").get("depends_on")).containsKey("mongo-init");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAppIsPublishedOnThePortItListensOnAndTheImageExposes() throws IOException {
        String serverPort = appEnvironment("SERVER_PORT");
        List<String> ports = (List<String>) service("app").get("ports");
        assertThat(ports).anySatisfy(mapping -> assertThat(mapping).endsWith(":" + serverPort));
        String dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));
        assertThat(dockerfile).contains("EXPOSE " + serverPort, "app/target/kioskfleet.jar");
        Map<String, Object> build = (Map<String, Object>) service("app").get("build");
        assertThat(build.get("dockerfile")).isEqualTo("docker/Dockerfile");
    }

    @Test
    void theImagesDefaultPortIsTheApplicationsDefaultPort() throws IOException {
        Map<String, Object> application = new Yaml().load(Files.readString(Path.of("src/main/resources/application.yml")));
        @SuppressWarnings("unchecked")
        Object port = ((Map<String, Object>) application.get("server")).get("port");
        assertThat(String.valueOf(port)).isEqualTo(appEnvironment("SERVER_PORT"));
    }
}
