package io.inviteflow.core.invitation;

import io.inviteflow.contract.Payloads;
import io.inviteflow.core.event.Question;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The part of an answer's question answers that goes on the activity topic, for the live breakdowns (meal choices,
 * sizes, numbers): each option chosen in a choice or multi-choice question, and each number. Free text never leaves
 * the core: it may hold personal data (allergies, a message) and cannot be counted anyway.
 */
final class QuestionChoices {

    private QuestionChoices() {
    }

    /** @param checked answers as {@link AnswerRules#answers} accepted them (multi-choice joined by {@code "; "}) */
    static List<Payloads.QuestionChoice> of(List<Question> questions, List<QuestionAnswer> checked) {
        Map<UUID, Question> byId = questions.stream().collect(Collectors.toMap(Question::id, Function.identity()));
        List<Payloads.QuestionChoice> choices = new ArrayList<>();
        for (QuestionAnswer a : checked) {
            Question q = byId.get(a.questionId());
            switch (q.kind()) {
                case CHOICE, NUMBER -> choices.add(new Payloads.QuestionChoice(q.id(), a.guest(), a.value()));
                case MULTI_CHOICE -> {
                    for (String option : a.value().split("; ")) {
                        choices.add(new Payloads.QuestionChoice(q.id(), a.guest(), option));
                    }
                }
                case TEXT -> {
                }
            }
        }
        return choices;
    }
}
