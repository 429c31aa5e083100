package io.inviteflow.console.campaigns;

import io.inviteflow.console.core.CoreCampaigns;
import io.inviteflow.console.engagement.Counter;
import io.inviteflow.console.engagement.EventMetrics;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class MessageSuggestionsTest {

    private static final UUID WEDDING = UUID.randomUUID();
    private static final UUID BIRTHDAY = UUID.randomUUID();
    private static final Map<UUID, String> TEMPLATES = Map.of(WEDDING, "wedding", BIRTHDAY, "birthday");

    @Test
    void theOrganizersTextsForTheSameKindOfEventBestOpenRateFirstAFewLuckyOpensShrunk() {
        var steady = campaign("Save the date, {firstName}", WEDDING);
        var lucky = campaign("Tiny test", WEDDING);
        var weak = campaign("News", WEDDING);
        var otherKind = campaign("Cake!", BIRTHDAY);
        var series = campaign("Save the date, {firstName}", WEDDING); // the next occurrence of the same text
        Map<UUID, EventMetrics> funnels = Map.of(
                steady.id(), funnel(500, 300, 90), lucky.id(), funnel(12, 9, 0), weak.id(), funnel(400, 80, 20),
                otherKind.id(), funnel(300, 280, 100), series.id(), funnel(200, 100, 30));

        List<MessageSuggestions.Suggestion> ideas = MessageSuggestions.rank(
                List.of(weak, lucky, steady, otherKind, series), funnels, TEMPLATES, Set.of("wedding"), 3);

        assertThat(ideas).extracting(MessageSuggestions.Suggestion::subject)
                .containsExactly("Save the date, {firstName}", "Tiny test", "News");
        assertThat(ideas.get(0).label()).isEqualTo(
                "“Save the date, {firstName}” — 60 % opened, 18 % answered (Save the date, {firstName}, 500 people)");
        // 9 of 12 (75 %) is more than 300 of 500 (60 %), but shrunk towards the overall 44 % it is 56 % against 59 %
        assertThat(ideas.get(1).openRate()).isEqualTo(0.75);
    }

    @Test
    void tooFewPeopleOrNoSubjectAreNoIdea() {
        var few = campaign("Hi", WEDDING);
        var blank = campaign(" ", WEDDING);

        assertThat(MessageSuggestions.rank(List.of(few, blank), Map.of(few.id(), funnel(9, 9, 9), blank.id(),
                funnel(100, 90, 9)), TEMPLATES, Set.of(), 3)).isEmpty();
    }

    private static CoreCampaigns.Campaign campaign(String subject, UUID event) {
        return new CoreCampaigns.Campaign(UUID.randomUUID(), subject, new CoreCampaigns.Segment(List.of(event), null,
                null, null, null, null, null), subject, "Dear {firstName}", List.of("EMAIL"), "SENT",
                null, null, null, null, null, null, null, null, 1);
    }

    private static EventMetrics funnel(long queued, long opened, long answered) {
        return new EventMetrics(List.of(new Counter("queued", "", queued), new Counter("opened", "", opened),
                new Counter("answered", "", answered)));
    }
}
