package io.inviteflow.core.campaign;

import io.inviteflow.core.web.Problems;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Who a campaign goes to: guests of some of the organizer's events, narrowed by their answer ({@code YES}, {@code NO},
 * {@code MAYBE}, or {@code NONE} for no answer yet), by engagement (opened the invitation but did not answer), by
 * their tickets (of some tiers; checked in or not), by the waitlist and by the language they read their invitation
 * in. Every condition given must hold. Guests who opted out of marketing, were withdrawn, or cannot be reached on any
 * of the campaign's channels are never in it.
 *
 * @param answers           empty: any answer
 * @param openedNotAnswered true: only guests who opened their invitation and have not answered
 * @param tierIds           empty: any; else only guests holding a valid ticket of one of these tiers
 * @param checkedIn         null: either; true: guests with a ticket used at the door; false: guests without one
 * @param waitlisted        null: either; true: only guests on the waitlist; false: nobody on it
 * @param languages         empty: any; else guests whose invitation page was last shown in one of these languages
 *                          ({@code de}, {@code en}, …; guests who never opened it have none)
 */
public record Segment(List<UUID> eventIds, List<String> answers, Boolean openedNotAnswered, List<UUID> tierIds,
                      Boolean checkedIn, Boolean waitlisted, List<String> languages) {

    private static final Set<String> ANSWERS = Set.of("YES", "NO", "MAYBE", "NONE");
    private static final java.util.regex.Pattern LANGUAGE = java.util.regex.Pattern.compile("[a-z]{2,3}");

    public Segment {
        eventIds = eventIds == null ? List.of() : List.copyOf(eventIds);
        answers = answers == null ? List.of() : List.copyOf(answers);
        openedNotAnswered = Boolean.TRUE.equals(openedNotAnswered);
        tierIds = tierIds == null ? List.of() : List.copyOf(tierIds);
        languages = languages == null ? List.of() : List.copyOf(languages);
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
        if (tierIds.size() > 50) {
            throw Problems.unprocessable("segment.tierIds", "at most 50 ticket tiers");
        }
        if (languages.size() > 20) {
            throw Problems.unprocessable("segment.languages", "at most 20 languages");
        }
        for (int i = 0; i < languages.size(); i++) {
            if (languages.get(i) == null || !LANGUAGE.matcher(languages.get(i)).matches()) {
                throw Problems.unprocessable("segment.languages[" + i + "]", "a language code such as de or en");
            }
        }
        return this;
    }
}
