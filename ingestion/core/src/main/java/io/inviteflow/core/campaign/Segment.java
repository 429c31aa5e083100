package io.inviteflow.core.campaign;

import io.inviteflow.core.web.Problems;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Who a campaign goes to: guests of some of the organizer's events, narrowed by their answer ({@code YES}, {@code NO},
 * {@code MAYBE}, or {@code NONE} for no answer yet) and by engagement (opened the invitation but did not answer).
 * Guests who opted out of marketing, were withdrawn, or cannot be reached on any of the campaign's channels are never
 * in it.
 *
 * @param answers           empty: any answer
 * @param openedNotAnswered true: only guests who opened their invitation and have not answered
 */
public record Segment(List<UUID> eventIds, List<String> answers, Boolean openedNotAnswered) {

    private static final Set<String> ANSWERS = Set.of("YES", "NO", "MAYBE", "NONE");

    public Segment {
        eventIds = eventIds == null ? List.of() : List.copyOf(eventIds);
        answers = answers == null ? List.of() : List.copyOf(answers);
        openedNotAnswered = Boolean.TRUE.equals(openedNotAnswered);
    }

    /** @throws org.springframework.web.ErrorResponseException 422 naming the field */
    Segment checked() {
        if (eventIds.isEmpty() || eventIds.size() > 50) {
            throw Problems.unprocessable("segment.eventIds", "between 1 and 50 of your events");
        }
        for (int i = 0; i < answers.size(); i++) {
            if (!ANSWERS.contains(answers.get(i))) {
                throw Problems.unprocessable("segment.answers[" + i + "]", "YES, NO, MAYBE or NONE");
            }
        }
        return this;
    }
}
