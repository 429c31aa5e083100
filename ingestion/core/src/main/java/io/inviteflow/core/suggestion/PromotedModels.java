package io.inviteflow.core.suggestion;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inviteflow.contract.forecast.AnswerModelFile;
import io.inviteflow.contract.ideas.IdeaModelFile;
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
 * The models of the version currently promoted ({@code themes/CURRENT}): the theme suggestions
 * ({@code suggestions.json}) and, when the version has them, the models of a YES ({@code answers.json}) and of any
 * answer ({@code responds.json}) and the idea ranker ({@code ideas.json}); reloaded when
 * CURRENT changes. A broken or missing version keeps the last good one (or none), so a bad publish never takes
 * suggestions or forecasts down.
 */
@Component
public class PromotedModels {

    private static final Logger log = LoggerFactory.getLogger(PromotedModels.class);
    private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final SuggestionProperties properties;
    private final Clock clock;
    private volatile Promoted current;
    private volatile Instant checkedAt = Instant.MIN;

    /** {@code answers} (the chance of a YES), {@code responds} (of any answer): null when the version has none. */
    private record Promoted(ThemeModel themes, AnswerModelFile answers, AnswerModelFile responds,
                            IdeaModelFile ideas) {
    }

    PromotedModels(SuggestionProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    Optional<ThemeModel> themes() {
        return Optional.ofNullable(promoted()).map(Promoted::themes);
    }

    /** The promoted version's model of the chance of a YES, for headcount forecasts. */
    public Optional<AnswerModelFile> answers() {
        return Optional.ofNullable(promoted()).map(Promoted::answers);
    }

    /** The promoted version's model of the chance of any answer, for targeting reminders. */
    public Optional<AnswerModelFile> responds() {
        return Optional.ofNullable(promoted()).map(Promoted::responds);
    }

    /** The promoted version's ranker of ideas for guests (outfits, gifts, things to bring). */
    public Optional<IdeaModelFile> ideas() {
        return Optional.ofNullable(promoted()).map(Promoted::ideas);
    }

    private Promoted promoted() {
        Instant now = clock.instant();
        if (checkedAt.plus(properties.refreshEvery()).isBefore(now)) {
            checkedAt = now;
            refresh();
        }
        return current;
    }

    private <T> T optional(Path file, Class<T> type) throws IOException {
        return Files.isRegularFile(file) ? json.readValue(file.toFile(), type) : null;
    }

    private synchronized void refresh() {
        Path themes = properties.modelsDir().resolve("themes");
        Path pointer = themes.resolve("CURRENT");
        if (!Files.isRegularFile(pointer)) {
            return;
        }
        try {
            String version = Files.readString(pointer).trim();
            if (current != null && current.themes().version().equals(version)) {
                return;
            }
            Path dir = themes.resolve(version);
            ThemeModel model = json.readValue(dir.resolve("suggestions.json").toFile(), ThemeModel.class);
            AnswerModelFile answerModel = optional(dir.resolve("answers.json"), AnswerModelFile.class);
            current = new Promoted(model, answerModel, optional(dir.resolve("responds.json"), AnswerModelFile.class),
                    optional(dir.resolve("ideas.json"), IdeaModelFile.class));
            log.info("serving model version {}{}", model.version(), answerModel == null ? " (no answer model)" : "");
        } catch (IOException | RuntimeException e) {
            log.warn("could not load the promoted model version, keeping {}: {}",
                    current == null ? "none" : current.themes().version(), e.toString());
        }
    }
}
