package io.kioskfleet.policies.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.policies.report.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MessageBundlesTest {

    private static Properties bundle(String suffix) throws IOException {
        String path = "/" + Messages.BUNDLE.replace('.', '/') + suffix + ".properties";
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream(path)) {
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }

    @Test
    void englishAndJapaneseBundlesHaveExactlyTheSameKeys() throws IOException {
        assertThat(bundle("_ja").stringPropertyNames())
            .isEqualTo(bundle("").stringPropertyNames());
    }

    @Test
    void japaneseBundleIsReadAsUtf8() {
        assertThat(Catalogue.WIPE_ON_LOGOUT.description().ja()).contains("消去");
    }

    @Test
    void everySettingIsDescribedInBothLanguages() throws IOException {
        Properties english = bundle("");
        for (SettingDefinition setting : Catalogue.all()) {
            assertThat(english).containsKey("description." + setting.key());
            assertThat(setting.description().ja()).isNotBlank()
                .isNotEqualTo(setting.description().en());
        }
    }
}
