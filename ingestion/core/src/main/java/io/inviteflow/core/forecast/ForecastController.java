package io.inviteflow.core.forecast;

import io.inviteflow.contract.forecast.AnswerModelFile;
import io.inviteflow.core.event.Events;
import io.inviteflow.core.security.AuthenticatedOrganizer;
import io.inviteflow.core.suggestion.PromotedModels;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;
import java.util.UUID;

/**
 * {@code GET /api/v1/events/{id}/forecast}: the answers so far and the headcount to expect once everybody answered,
 * with a 90 % interval, from the promoted answer model (scored here in plain Java, no Spark). 404 for another
 * organizer's event, and while no answer model is promoted.
 */
@RestController
class ForecastController {

    private final Events events;
    private final PendingInvitations invitations;
    private final PromotedModels models;

    ForecastController(Events events, PendingInvitations invitations, PromotedModels models) {
        this.events = events;
        this.invitations = invitations;
        this.models = models;
    }

    /** {@code forecast} is about the invitations not answered yet (a MAYBE counts as answered: it stays one). */
    record Forecast(String modelVersion, PendingInvitations.Answers answers, HeadcountForecast forecast) {
    }

    @GetMapping("/api/v1/events/{id}/forecast")
    Forecast forecast(AuthenticatedOrganizer organizer, @PathVariable UUID id) {
        events.requireOwned(id, organizer.id());
        AnswerModelFile model = models.answers().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no answer model is promoted yet: the ML team trains one from answered invitations and promotes it"));
        PendingInvitations.Answers answers = invitations.answers(id);
        List<Double> chances = invitations.of(id).stream()
                .map(p -> model.probability(p.categories(), p.numbers())).toList();
        return new Forecast(model.version(), answers,
                HeadcountForecast.of(chances, answers.yes(), answers.yesHeadcount()));
    }
}
