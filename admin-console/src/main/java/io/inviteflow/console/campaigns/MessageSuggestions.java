package io.inviteflow.console.campaigns;

import io.inviteflow.console.core.CoreCampaigns;
import io.inviteflow.console.engagement.EventMetrics;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The organizer's own past campaigns whose subject and message worked best, for a new one: those sent to guests of
 * the same kinds of event (templates) as the new one's, ranked by open rate (the streaming job's campaign funnel:
 * people who opened of the people it was queued for; its deliveries are counted per channel and message, not
 * people), shrunk towards the organizer's overall rate so that a few lucky opens do not beat hundreds. Only the organizer's own texts: other organizers' messages are theirs.
 */
final class MessageSuggestions {

    /** Fewer people than this say nothing about a text. */
    static final long ENOUGH_PEOPLE = 10;
    /** The weight of the overall rate, in people: a campaign of this many counts half its own rate. */
    private static final double PRIOR_PEOPLE = 20;

    /** A text that worked, with its figures. */
    record Suggestion(String subject, String message, String campaign, long people, double openRate,
                      double answerRate) {
        String label() {
            return String.format(Locale.ROOT, "“%s” — %.0f %% opened, %.0f %% answered (%s, %,d people)", subject,
                    100 * openRate, 100 * answerRate, campaign, people);
        }
    }

    private MessageSuggestions() {
    }

    /**
     * @param templates      the kinds of event the new campaign is for; empty: any
     * @param templateOfEvent each of the organizer's events' template
     */
    static List<Suggestion> rank(List<CoreCampaigns.Campaign> campaigns, Map<UUID, EventMetrics> funnels,
                                 Map<UUID, String> templateOfEvent, Set<String> templates, int n) {
        List<Scored> eligible = campaigns.stream()
                .filter(c -> c.subject() != null && !c.subject().isBlank())
                // an A/B test's figures are both versions': subject A alone did not earn them
                .filter(c -> c.abTest() == null)
                .filter(c -> templates.isEmpty() || c.segment() != null && c.segment().eventIds() != null
                        && c.segment().eventIds().stream().map(templateOfEvent::get).anyMatch(templates::contains))
                .map(c -> Scored.of(c, funnels.getOrDefault(c.id(), EventMetrics.NONE)))
                .filter(s -> s.people() >= ENOUGH_PEOPLE)
                .toList();
        double overall = (double) eligible.stream().mapToLong(Scored::opened).sum()
                / Math.max(1, eligible.stream().mapToLong(Scored::people).sum());
        Map<String, Scored> bestPerSubject = new LinkedHashMap<>();
        eligible.stream().sorted(Comparator.comparingDouble((Scored s) -> s.shrunk(overall)).reversed())
                .forEach(s -> bestPerSubject.putIfAbsent(s.campaign().subject(), s)); // a series: its best once
        return bestPerSubject.values().stream().limit(n).map(s -> new Suggestion(s.campaign().subject(),
                s.campaign().message(), s.campaign().name(), s.people(), (double) s.opened() / s.people(),
                (double) s.answered() / s.people())).toList();
    }

    private record Scored(CoreCampaigns.Campaign campaign, long people, long opened, long answered) {
        static Scored of(CoreCampaigns.Campaign c, EventMetrics funnel) {
            return new Scored(c, funnel.value("queued"), funnel.value("opened"), funnel.value("answered"));
        }

        double shrunk(double overall) {
            return (opened + PRIOR_PEOPLE * overall) / (people + PRIOR_PEOPLE);
        }
    }
}
