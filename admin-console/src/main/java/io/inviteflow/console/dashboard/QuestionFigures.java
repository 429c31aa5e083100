package io.inviteflow.console.dashboard;

import io.inviteflow.console.core.CoreGuests;
import io.inviteflow.console.engagement.EventMetrics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The event's question answers as the caterer reads them: per choice or number question, how many of the people
 * coming chose each option ({@code choices} counters, dimension {@code questionId|option}), e.g.
 * {@code Meal choice — Fish: 12 · Meat: 8 · Vegetarian: 0}. Options appear in the organizer's order, zeros included;
 * numbers in numeric order. Free-text questions are not counted and not listed. Pure: tested without a browser.
 */
final class QuestionFigures {

    private QuestionFigures() {
    }

    static List<String> of(EventMetrics m, List<CoreGuests.Question> questions) {
        Map<String, Long> choices = m.breakdown("choices");
        List<String> lines = new ArrayList<>();
        for (CoreGuests.Question q : questions) {
            Map<String, Long> counts = counts(choices, q);
            if (counts.values().stream().allMatch(n -> n == 0)) {
                continue; // no one coming has answered it yet
            }
            List<String> parts = new ArrayList<>();
            counts.forEach((option, n) -> parts.add(option + ": " + DashboardFigures.count(n)));
            lines.add(q.label() + " — " + String.join(" · ", parts));
        }
        return lines;
    }

    private static Map<String, Long> counts(Map<String, Long> choices, CoreGuests.Question q) {
        String prefix = q.id() + "|";
        Map<String, Long> counted = new LinkedHashMap<>();
        choices.forEach((key, n) -> {
            if (key.startsWith(prefix)) {
                counted.merge(key.substring(prefix.length()), n, Long::sum);
            }
        });
        Map<String, Long> ordered = new LinkedHashMap<>();
        switch (q.kind()) {
            case "CHOICE", "MULTI_CHOICE" -> {
                q.options().forEach(option -> ordered.put(option, counted.getOrDefault(option, 0L)));
                counted.forEach(ordered::putIfAbsent); // an option since removed from the question still counts
            }
            case "NUMBER" -> counted.entrySet().stream()
                    .sorted(Comparator.comparing((Map.Entry<String, Long> e) -> number(e.getKey()))
                            .thenComparing(Map.Entry::getKey))
                    .forEach(e -> ordered.put(e.getKey(), e.getValue()));
            default -> {
            }
        }
        return ordered;
    }

    private static long number(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
