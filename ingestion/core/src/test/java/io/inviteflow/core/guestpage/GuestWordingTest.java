package io.inviteflow.core.guestpage;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guest pages' wording in every language: the same keys everywhere, and every message formats into text with no
 * placeholder left (an apostrophe in the wrong place silently turns "{0}" into literal text).
 */
class GuestWordingTest {

    private static final String[] LANGUAGES = {"", "_de", "_fr", "_es"};

    @Test
    void everyLanguageHasEveryMessage() throws IOException {
        var english = new TreeSet<>(load("").stringPropertyNames());
        for (String language : LANGUAGES) {
            assertThat(new TreeSet<>(load(language).stringPropertyNames())).as("guest%s.properties", language)
                    .isEqualTo(english);
        }
    }

    @Test
    void everyMessageFormatsWithoutLeftoverPlaceholdersForEachCount() throws IOException {
        for (String language : LANGUAGES) {
            Properties messages = load(language);
            Locale locale = language.isEmpty() ? Locale.ENGLISH : Locale.forLanguageTag(language.substring(1));
            for (String key : messages.stringPropertyNames()) {
                for (int n : new int[]{0, 1, 2, 7}) {
                    String text = new MessageFormat(messages.getProperty(key), locale)
                            .format(new Object[]{n, n, n});
                    assertThat(text).as("%s in guest%s.properties with %d", key, language, n)
                            .doesNotContain("{").doesNotContain("}").doesNotContain("''");
                }
            }
        }
    }

    private static Properties load(String language) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(GuestWordingTest.class.getResourceAsStream(
                "/i18n/guest" + language + ".properties"), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
