package io.inviteflow.core.suggestion;

import io.inviteflow.core.security.AuthenticatedOrganizer;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Optional;

/** Theme suggestions for the signed-in organizer, from the recommender's promoted model; no Spark here. */
@RestController
class SuggestionController {

    /** Served before any model exists: the catalogue's own order. */
    static final List<String> DEFAULT_THEMES = List.of("birthday", "wedding", "party", "dinner", "meetup",
            "conference", "baby-shower", "graduation", "corporate");

    private final ThemeModels models;

    SuggestionController(ThemeModels models) {
        this.models = models;
    }

    /**
     * @param source {@code personal} (the model knows this organizer), {@code popular} (it does not: cold start),
     *               {@code default} (no model published yet)
     */
    record ThemeSuggestions(String modelVersion, String source, List<ThemeModel.ScoredTheme> themes) {
    }

    @GetMapping("/api/v1/suggestions/themes")
    ThemeSuggestions themes(AuthenticatedOrganizer organizer,
                            @RequestParam(defaultValue = "5") @Min(1) @Max(20) int limit) {
        Optional<ThemeModel> model = models.current();
        if (model.isEmpty()) {
            return new ThemeSuggestions(null, "default", DEFAULT_THEMES.stream().limit(limit)
                    .map(t -> new ThemeModel.ScoredTheme(t, 0)).toList());
        }
        List<ThemeModel.ScoredTheme> personal = model.get().users().get(organizer.id().toString());
        if (personal != null && !personal.isEmpty()) {
            return new ThemeSuggestions(model.get().version(), "personal", personal.stream().limit(limit).toList());
        }
        return new ThemeSuggestions(model.get().version(), "popular",
                model.get().popular().stream().limit(limit).toList());
    }
}
