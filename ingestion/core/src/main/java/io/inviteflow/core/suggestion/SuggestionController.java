package io.inviteflow.core.suggestion;

import io.inviteflow.core.security.AuthenticatedOrganizer;
import io.inviteflow.core.template.EventTemplate;
import io.inviteflow.core.template.TemplateCatalogue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Theme suggestions for the signed-in organizer, from the recommender's promoted model; no Spark here. */
@RestController
class SuggestionController {

    /** Served before any model exists and no kind of event is given: the catalogue's own order. */
    static final List<String> DEFAULT_THEMES = List.of("birthday", "wedding", "party", "dinner", "meetup",
            "conference", "baby-shower", "graduation", "corporate");

    private final PromotedModels models;
    private final TemplateCatalogue catalogue;
    private final Clock clock;

    SuggestionController(PromotedModels models, TemplateCatalogue catalogue, Clock clock) {
        this.models = models;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /**
     * @param source {@code personal} (the model knows this organizer), {@code popular-for-type-and-season} and
     *               {@code popular-for-type} (a newcomer planning this kind of event: what organizers of such events
     *               chose, in this season, else ever), {@code popular} (a newcomer: what everyone chose),
     *               {@code catalogue} (the kind of event's own themes in the catalogue's order), {@code default} (no
     *               model published yet, no kind of event given)
     */
    record ThemeSuggestions(String modelVersion, String source, List<ThemeModel.ScoredTheme> themes) {
    }

    /**
     * @param eventType a template id ({@code wedding}): only that kind of event's themes are suggested, and a
     *                  newcomer gets what organizers of such events chose in the current season
     */
    @GetMapping("/api/v1/suggestions/themes")
    ThemeSuggestions themes(AuthenticatedOrganizer organizer,
                            @RequestParam(defaultValue = "5") @Min(1) @Max(20) int limit,
                            @RequestParam(required = false) String eventType) {
        Optional<EventTemplate> template = Optional.ofNullable(eventType).map(type -> catalogue.find(type)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST,
                        "eventType: no template " + type + " (GET /api/v1/templates lists them)")));
        Predicate<ThemeModel.ScoredTheme> fits = template.map(SuggestionController::themesOf)
                .<Predicate<ThemeModel.ScoredTheme>>map(ids -> s -> ids.contains(s.theme())).orElse(s -> true);
        Optional<ThemeModel> model = models.themes();
        String version = model.map(ThemeModel::version).orElse(null);
        if (model.isPresent()) {
            ThemeModel m = model.get();
            Stream<Candidates> candidates = Stream.of(
                    new Candidates("personal", m.users().get(organizer.id().toString())),
                    new Candidates("popular-for-type-and-season", template.map(t -> m.popularBySegment()
                            .get(t.id() + "|" + Season.of(LocalDate.now(clock.withZone(ZoneOffset.UTC))))).orElse(null)),
                    new Candidates("popular-for-type", template.map(t -> m.popularBySegment().get(t.id())).orElse(null)),
                    new Candidates("popular", m.popular()));
            Optional<ThemeSuggestions> found = candidates.map(c -> c.fitting(fits, limit, version))
                    .flatMap(Optional::stream).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
        }
        if (template.isPresent()) {
            return new ThemeSuggestions(version, "catalogue", template.get().themes().stream().limit(limit)
                    .map(t -> new ThemeModel.ScoredTheme(t.id(), 0)).toList());
        }
        return new ThemeSuggestions(version, "default", DEFAULT_THEMES.stream().limit(limit)
                .map(t -> new ThemeModel.ScoredTheme(t, 0)).toList());
    }

    /** A list the model offers, named by where it comes from. */
    private record Candidates(String source, List<ThemeModel.ScoredTheme> themes) {
        Optional<ThemeSuggestions> fitting(Predicate<ThemeModel.ScoredTheme> fits, int limit, String version) {
            List<ThemeModel.ScoredTheme> kept = themes == null ? List.of()
                    : themes.stream().filter(fits).limit(limit).toList();
            return kept.isEmpty() ? Optional.empty() : Optional.of(new ThemeSuggestions(version, source, kept));
        }
    }

    /** A kind of event's themes, and its own id (the theme an invitation records when none was picked). */
    private static Set<String> themesOf(EventTemplate template) {
        return Stream.concat(template.themes().stream().map(EventTemplate.Theme::id), Stream.of(template.id()))
                .collect(Collectors.toSet());
    }
}
