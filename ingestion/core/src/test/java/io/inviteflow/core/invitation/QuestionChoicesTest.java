package io.inviteflow.core.invitation;

import io.inviteflow.contract.Payloads;
import io.inviteflow.core.event.Question;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class QuestionChoicesTest {

    private final UUID meal = UUID.randomUUID();
    private final UUID extras = UUID.randomUUID();
    private final UUID nights = UUID.randomUUID();
    private final UUID note = UUID.randomUUID();
    private final List<Question> questions = List.of(
            new Question(meal, Question.Kind.CHOICE, "Meal", List.of("Fish", "Meat"), true, true, null, null),
            new Question(extras, Question.Kind.MULTI_CHOICE, "Extras", List.of("Shuttle", "Hotel"), false,
                    false, null, null),
            new Question(nights, Question.Kind.NUMBER, "Nights", List.of(), false, false, 0, 7),
            new Question(note, Question.Kind.TEXT, "Anything else?", List.of(), false, false, null, null));

    @Test
    void oneChoicePerGuestAndOptionAndNeverTheFreeText() {
        var choices = QuestionChoices.of(questions, List.of(new QuestionAnswer(meal, 0, "Fish"),
                new QuestionAnswer(meal, 1, "Meat"), new QuestionAnswer(extras, 0, "Shuttle; Hotel"),
                new QuestionAnswer(nights, 0, "2"), new QuestionAnswer(note, 0, "I am allergic to nuts")));

        assertThat(choices).containsExactly(new Payloads.QuestionChoice(meal, 0, "Fish"),
                new Payloads.QuestionChoice(meal, 1, "Meat"), new Payloads.QuestionChoice(extras, 0, "Shuttle"),
                new Payloads.QuestionChoice(extras, 0, "Hotel"), new Payloads.QuestionChoice(nights, 0, "2"));
    }
}
