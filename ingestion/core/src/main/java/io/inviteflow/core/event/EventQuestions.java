package io.inviteflow.core.event;

import io.inviteflow.core.template.EventTemplate;
import io.inviteflow.core.web.Problems;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The questions of an event: what other features may read, and the rules a question list must follow. */
@Service
public class EventQuestions {

    private final QuestionRepository repository;

    EventQuestions(QuestionRepository repository) {
        this.repository = repository;
    }

    public List<Question> of(UUID eventId) {
        return repository.of(eventId);
    }

    /** Checks and stores the whole list; ids not in the list are deleted with their answers. */
    List<Question> replace(UUID eventId, List<NewQuestion> requested) {
        Set<UUID> existing = new HashSet<>(repository.of(eventId).stream().map(Question::id).toList());
        List<Question> questions = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            NewQuestion q = requested.get(i);
            String field = "questions[" + i + "]";
            if (q.id() != null && !existing.contains(q.id())) {
                throw Problems.unprocessable(field + ".id", "no question " + q.id() + " on this event");
            }
            List<String> options = q.options() == null ? List.of() : q.options().stream().map(String::strip).toList();
            boolean choice = q.kind() == Question.Kind.CHOICE || q.kind() == Question.Kind.MULTI_CHOICE;
            if (choice && options.size() < 2) {
                throw Problems.unprocessable(field + ".options", "a " + q.kind() + " question needs 2 options or more");
            }
            if (!choice && !options.isEmpty()) {
                throw Problems.unprocessable(field + ".options", "only CHOICE and MULTI_CHOICE questions have options");
            }
            if (new HashSet<>(options).size() != options.size()) {
                throw Problems.unprocessable(field + ".options", "options must differ from each other");
            }
            if ((q.min() != null || q.max() != null) && q.kind() != Question.Kind.NUMBER) {
                throw Problems.unprocessable(field + ".min", "only NUMBER questions have min and max");
            }
            if (q.min() != null && q.max() != null && q.min() > q.max()) {
                throw Problems.unprocessable(field + ".max", "max must not be below min");
            }
            questions.add(new Question(q.id() == null ? UUID.randomUUID() : q.id(), q.kind(), q.label().strip(),
                    options, q.required(), q.perGuest(), q.min(), q.max()));
        }
        repository.replace(eventId, questions);
        return questions;
    }

    static List<NewQuestion> fromTemplate(EventTemplate template) {
        return template.questions().stream().map(q -> new NewQuestion(null, Question.Kind.valueOf(q.kind()), q.label(),
                q.options(), q.required(), q.perGuest(), null, null)).toList();
    }
}
