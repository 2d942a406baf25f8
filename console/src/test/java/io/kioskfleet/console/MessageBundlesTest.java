package io.kioskfleet.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every console text exists in Japanese and in English, so neither language shows a raw key. */
class MessageBundlesTest {

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/i18n/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void japaneseAndEnglishHaveTheSameKeys() throws IOException {
        Properties english = bundle("messages.properties");
        Properties japanese = bundle("messages_ja.properties");
        assertThat(japanese.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
    }

    @Test
    void noTextIsLeftBlank() throws IOException {
        for (String name : new String[] {"messages.properties", "messages_ja.properties"}) {
            Properties texts = bundle(name);
            texts.stringPropertyNames().forEach(key -> assertThat(texts.getProperty(key)).as(name + " " + key).isNotBlank());
        }
    }

    @Test
    void japaneseTextIsReallyJapanese() throws IOException {
        assertThat(bundle("messages_ja.properties").getProperty("home.title")).isEqualTo("フリート概要");
    }
}
