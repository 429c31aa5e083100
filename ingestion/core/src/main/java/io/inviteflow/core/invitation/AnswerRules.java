package io.inviteflow.core.invitation;

import io.inviteflow.contract.Payloads.Rsvp;
import io.inviteflow.core.event.PartyEvent;
import io.inviteflow.core.event.Question;
import io.inviteflow.core.web.Problems;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What an answer must satisfy: the event is open for answers, the plus-ones fit, the questions are answered. */
final class AnswerRules {

    static final int MAX_TEXT = 1000;

    private AnswerRules() {
    }

    static void eventOpen(PartyEvent event, Instant now) {
        if (event.cancelled()) {
            throw Problems.coded(Problems.conflict("the event is cancelled"), "cancelled");
        }
        Instant closes = (event.rsvpDeadline() != null ? event.rsvpDeadline() : event.startsAt()).toInstant();
        if (now.isAfter(closes)) {
            throw Problems.coded(Problems.conflict("answers closed at " + closes), "closed");
        }
    }

    static void responseAllowed(PartyEvent event, Rsvp response, int plusOnes, Integer invitationCap) {
        if (response == Rsvp.MAYBE && !event.allowMaybe()) {
            throw Problems.coded(Problems.unprocessable("response", "this event takes YES or NO only"), "yesOrNo");
        }
        if (response == Rsvp.NO && plusOnes > 0) {
            throw Problems.coded(Problems.unprocessable("plusOnes", "a guest who answers NO brings no plus-ones"),
                    "noPlusOnes");
        }
        int cap = invitationCap != null ? invitationCap : event.maxPlusOnes();
        if (plusOnes > cap) {
            throw Problems.coded(Problems.unprocessable("plusOnes", cap == 0 ? "this invitation is for you alone"
                    : "you may bring up to " + cap + (cap == 1 ? " guest" : " guests")), "plusOnesCap", cap);
        }
    }

    /**
     * The answers, checked against the questions: known question, a guest that comes, a value the question allows.
     * A YES must answer every required question, for each plus-one too where the question is asked per guest.
     */
    static List<QuestionAnswer> answers(List<Question> questions, List<QuestionAnswer> given, Rsvp response,
                                        int plusOnes) {
        Map<UUID, Question> byId = questions.stream().collect(Collectors.toMap(Question::id, Function.identity()));
        List<QuestionAnswer> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            QuestionAnswer a = given.get(i);
            String field = "answers[" + i + "]";
            Question q = byId.get(a.questionId());
            if (q == null) {
                throw Problems.unprocessable(field + ".questionId", "no question " + a.questionId() + " on this event");
            }
            int lastGuest = q.perGuest() ? plusOnes : 0;
            if (a.guest() < 0 || a.guest() > lastGuest) {
                throw Problems.unprocessable(field + ".guest", q.perGuest()
                        ? "guest must be between 0 (you) and " + plusOnes + " (your plus-ones)"
                        : "this question is for you only (guest 0)");
            }
            if (!seen.add(a.questionId() + "/" + a.guest())) {
                throw Problems.unprocessable(field, "answered twice");
            }
            if (a.value() == null || a.value().isBlank()) {
                continue; // an empty field is no answer; required questions are checked below
            }
            out.add(new QuestionAnswer(a.questionId(), a.guest(), value(q, a.value().strip(), field + ".value")));
        }
        if (response == Rsvp.YES) {
            Set<String> answered = out.stream().map(a -> a.questionId() + "/" + a.guest()).collect(Collectors.toSet());
            for (Question q : questions) {
                for (int guest = 0; q.required() && guest <= (q.perGuest() ? plusOnes : 0); guest++) {
                    if (!answered.contains(q.id() + "/" + guest)) {
                        throw Problems.coded(Problems.unprocessable("answers", "'" + q.label() + "' needs an answer"
                                + (guest == 0 ? "" : " for plus-one " + guest)), "needsAnswer", q.label(), guest);
                    }
                }
            }
        }
        return out;
    }

    private static String value(Question q, String value, String field) {
        switch (q.kind()) {
            case CHOICE -> {
                if (!q.options().contains(value)) {
                    throw Problems.coded(Problems.unprocessable(field, "'" + q.label() + "' takes one of "
                            + q.options()), "oneOf", q.label());
                }
            }
            case MULTI_CHOICE -> {
                List<String> picked = Arrays.stream(value.split(";")).map(String::strip).filter(s -> !s.isEmpty())
                        .distinct().toList();
                if (picked.isEmpty() || !q.options().containsAll(picked)) {
                    throw Problems.coded(Problems.unprocessable(field, "'" + q.label() + "' takes any of "
                            + q.options() + ", separated by ';'"), "oneOf", q.label());
                }
                return String.join("; ", picked);
            }
            case NUMBER -> {
                long n;
                try {
                    n = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw Problems.coded(Problems.unprocessable(field, "'" + q.label() + "' takes a whole number"),
                            "wholeNumber", q.label());
                }
                if ((q.min() != null && n < q.min()) || (q.max() != null && n > q.max())) {
                    throw Problems.coded(Problems.unprocessable(field, "'" + q.label() + "' takes a number between "
                            + (q.min() == null ? "any" : q.min()) + " and " + (q.max() == null ? "any" : q.max())),
                            "outOfRange", q.label());
                }
                return Long.toString(n);
            }
            case TEXT -> {
                if (value.length() > MAX_TEXT) {
                    throw Problems.coded(Problems.unprocessable(field, "an answer has at most " + MAX_TEXT
                            + " characters"), "tooLong", MAX_TEXT);
                }
                return value.replace("\u0000", "");
            }
        }
        return value;
    }
}
