package io.inviteflow.core.suggestion;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The theme model currently promoted ({@code themes/CURRENT}), reloaded when CURRENT changes. A broken or missing
 * version keeps the last good model (or none), so a bad publish never takes suggestions down.
 */
@Component
class ThemeModels {

    private static final Logger log = LoggerFactory.getLogger(ThemeModels.class);
    private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final SuggestionProperties properties;
    private final Clock clock;
    private volatile ThemeModel current;
    private volatile Instant checkedAt = Instant.MIN;

    ThemeModels(SuggestionProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    Optional<ThemeModel> current() {
        Instant now = clock.instant();
        if (checkedAt.plus(properties.refreshEvery()).isBefore(now)) {
            checkedAt = now;
            refresh();
        }
        return Optional.ofNullable(current);
    }

    private synchronized void refresh() {
        Path themes = properties.modelsDir().resolve("themes");
        Path pointer = themes.resolve("CURRENT");
        if (!Files.isRegularFile(pointer)) {
            return;
        }
        try {
            String version = Files.readString(pointer).trim();
            if (current != null && current.version().equals(version)) {
                return;
            }
            ThemeModel model = json.readValue(themes.resolve(version).resolve("suggestions.json").toFile(),
                    ThemeModel.class);
            current = model;
            log.info("serving theme model {}", model.version());
        } catch (IOException | RuntimeException e) {
            log.warn("could not load the promoted theme model, keeping {}: {}",
                    current == null ? "none" : current.version(), e.toString());
        }
    }
}
