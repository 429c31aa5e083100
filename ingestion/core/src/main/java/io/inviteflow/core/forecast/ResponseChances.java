package io.inviteflow.core.forecast;

import io.inviteflow.contract.forecast.AnswerModelFile;
import io.inviteflow.core.invitation.AnswerChances;
import io.inviteflow.core.suggestion.PromotedModels;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The promoted model of any answer ({@code responds.json}), scored for batch-jobs' reminders. */
@Component
class ResponseChances implements AnswerChances {

    private final PendingInvitations invitations;
    private final PromotedModels models;

    ResponseChances(PendingInvitations invitations, PromotedModels models) {
        this.invitations = invitations;
        this.models = models;
    }

    @Override
    public Map<UUID, Double> of(List<UUID> invitationIds) {
        Optional<AnswerModelFile> model = models.responds();
        if (model.isEmpty() || invitationIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Double> chances = new HashMap<>();
        invitations.byId(invitationIds).forEach((id, p) ->
                chances.put(id, model.get().probability(p.categories(), p.numbers())));
        return chances;
    }
}
