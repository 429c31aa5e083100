package io.inviteflow.streaming.totals;

import io.inviteflow.contract.ActivityType;
import io.inviteflow.streaming.functions.Keys;
import io.inviteflow.streaming.records.ActivityDetails;
import io.inviteflow.streaming.records.ActivityEvent;
import io.inviteflow.streaming.state.KeyText;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static io.inviteflow.contract.Payloads.Rsvp.NO;
import static io.inviteflow.contract.Payloads.Rsvp.YES;
import static io.inviteflow.streaming.TestActivities.EVENT;
import static io.inviteflow.streaming.TestActivities.T0;
import static io.inviteflow.streaming.TestActivities.answered;
import static io.inviteflow.streaming.TestActivities.createdBy;
import static io.inviteflow.streaming.TestActivities.message;
import static io.inviteflow.streaming.TestActivities.of;
import static io.inviteflow.streaming.TestActivities.opened;
import static io.inviteflow.streaming.TestActivities.openedVia;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The per-aggregate counters in a real keyed operator. The test sums the emitted deltas per counter, which is what
 * {@code engagement_totals} ends with, and also checks that no counter moves for nothing.
 */
class AggregateCountersFunctionHarnessTest {

    private static final String ORGANIZER = "org-1";
    private static final String CAMPAIGN = "camp-1";
    private KeyedOneInputStreamOperatorTestHarness<String, ActivityEvent, CounterChanges> harness;

    @BeforeEach
    void open() throws Exception {
        harness = newHarness();
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void anInvitationsFunnelTimesAndThemeCountOncePerInvitationWhateverIsRepeated() throws Exception {
        ActivityEvent open = openedVia("a", T0 + 90_000, "email", null);
        process(createdBy("a", T0, ORGANIZER, "confetti", null), open, open, // redelivered
                opened("a", T0 + 95_000), // re-open
                answered("a", T0 + 4_000_000, YES, 2, 1),
                createdBy("b", T0, ORGANIZER, "confetti", "a"));

        Map<String, Long> t = totals();
        assertThat(t).contains(entry("event|invited|", 2L), entry("event|opened|", 1L), entry("event|answered|", 1L),
                entry("event|yes|", 1L), entry("event|headcount|", 3L),
                entry("event|time_to_open|300", 1L), // 90 s: the 1–5 min bucket
                entry("event|time_to_answer|10800", 1L), // 66 min: the 1–3 h bucket
                entry("event|referrals|a", 1L),
                entry("organizer|theme_invited|confetti", 2L), entry("organizer|theme_opened|confetti", 1L),
                entry("organizer|theme_yes|confetti", 1L));
        // T0 = Tuesday 2023-11-14 22:13 UTC; +90 s and +95 s are still 22:xx. The redelivered open counts once.
        assertThat(t).contains(entry("event|opens_by_hour|email|2|22", 1L), entry("event|opens_by_hour|link|2|22", 1L),
                entry("organizer|opens_by_hour|email|2|22", 1L));
        assertThat(t).contains(entry("event|answers_by_hour|link|2|23", 1L)); // after the direct re-open
        assertThat(t).contains(entry("event|opens_by_minute|1700000040", 2L)); // both opens in 22:14 UTC
        assertThat(harness.getSideOutput(AggregateCountersFunction.OPENS)).as("opens to the spike detector")
                .hasSize(2);
    }

    @Test
    void aChangedAnswerMovesTheInvitationAndAStaleOneChangesNothing() throws Exception {
        process(createdBy("a", T0, ORGANIZER, "confetti", null), answered("a", T0 + 1, YES, 1, 2),
                answered("a", T0 + 2, NO, 0, 1), // stale: a lower version arriving late
                answered("a", T0 + 3, NO, 0, 3));

        Map<String, Long> t = totals();
        assertThat(t).contains(entry("event|yes|", 0L), entry("event|no|", 1L), entry("event|headcount|", 0L),
                entry("event|answered|", 1L), entry("organizer|theme_yes|confetti", 0L),
                entry("event|answers_by_hour|link|2|22", 3L)); // every answer is an occurrence, the stale one too
    }

    @Test
    void theChoicesOfTheLatestYesAreCountedPerOptionAndLeaveWithAChangedAnswer() throws Exception {
        process(createdBy("a", T0, ORGANIZER, "confetti", null), createdBy("b", T0, ORGANIZER, "confetti", null),
                choosing(answered("a", T0 + 1, YES, 1, 1), "meal|Fish", "meal|Meat"),
                choosing(answered("b", T0 + 1, YES, 0, 1), "meal|Fish"),
                choosing(answered("b", T0 + 2, YES, 0, 2), "meal|Vegetarian"), // b changes the meal
                choosing(answered("c", T0 + 2, YES, 1, 1), "meal|Fish", "meal|Fish"), // c and c's plus-one
                choosing(answered("a", T0 + 3, NO, 0, 2), "meal|Fish")); // a is not coming after all

        Map<String, Long> t = totals();
        assertThat(t).contains(entry("event|choices|meal|Fish", 2L), entry("event|choices|meal|Meat", 0L),
                entry("event|choices|meal|Vegetarian", 1L));
    }

    @Test
    void everyOpenWhoseCountryIsKnownCountsForThatCountry() throws Exception {
        process(createdBy("a", T0, ORGANIZER, "confetti", null), inCountry(opened("a", T0 + 1), "DE"),
                inCountry(opened("a", T0 + 2), "DE"), inCountry(opened("a", T0 + 3), "FR"), opened("a", T0 + 4));

        assertThat(totals()).contains(entry("event|opens_by_country|DE", 2L), entry("event|opens_by_country|FR", 1L))
                .doesNotContainKey("event|opens_by_country|");
    }

    private static ActivityEvent inCountry(ActivityEvent open, String country) {
        return open.withDetails(ActivityDetails.opened(null, null, country));
    }

    private static ActivityEvent choosing(ActivityEvent answer, String... choices) {
        return answer.withDetails(ActivityDetails.choices(choices));
    }

    @Test
    void aCampaignsFunnelCountsMessagesPerChannelAndPeopleOnce() throws Exception {
        process(of(ActivityType.MESSAGE_QUEUED, "campaign", CAMPAIGN, T0, ActivityDetails.amount(2, CAMPAIGN)),
                createdBy("a", T0, ORGANIZER, "confetti", null),
                message(ActivityType.REMINDER_SENT, "a", T0 + 1, CAMPAIGN, "email"),
                message(ActivityType.REMINDER_SENT, "a", T0 + 1, CAMPAIGN, "sms"),
                message(ActivityType.MESSAGE_DELIVERED, "a", T0 + 2, CAMPAIGN, "email"),
                message(ActivityType.MESSAGE_BOUNCED, "a", T0 + 2, CAMPAIGN, "sms"),
                openedVia("a", T0 + 3, "email", CAMPAIGN), // a click without the pixel: still read
                answered("a", T0 + 4, YES, 0, 1),
                message(ActivityType.REMINDER_SENT, "b", T0 + 1, CAMPAIGN, "email"),
                message(ActivityType.MESSAGE_OPENED, "b", T0 + 5, CAMPAIGN, "email"),
                answered("b", T0 + 6, YES, 0, 1), // answered, but not through the campaign's link
                openedVia("c", T0 + 3, "email", CAMPAIGN), answered("c", T0 + 7, YES, 0, 2),
                answered("c", T0 + 8, NO, 0, 3), // c takes the yes back: the campaign's yes goes too
                openedVia("d", T0 + 3, "email", CAMPAIGN),
                answered("d", T0 + 1, YES, 0, 1), answered("d", T0 + 2, NO, 0, 0)); // the later one is stale

        Map<String, Long> t = totals();
        assertThat(t).contains(entry("campaign|queued|", 2L), entry("campaign|sent|email", 2L),
                entry("campaign|sent|sms", 1L), entry("campaign|delivered|email", 1L),
                entry("campaign|bounced|sms", 1L), entry("campaign|opened|", 4L), entry("campaign|clicked|", 3L),
                entry("campaign|answered|", 3L), entry("campaign|yes|", 2L), entry("event|delivered|", 1L));
    }

    @Test
    void salesCountPaidOrdersPerTierAndCurrencyWhateverTheOrderOfArrival() throws Exception {
        ActivityDetails placed = ActivityDetails.order("EUR", 4_500, "EARLY",
                new String[]{"tier-a", "tier-b"}, new long[]{3_000, 1_500});
        ActivityEvent refund = of(ActivityType.ORDER_REFUNDED, "order", "o-1", T0 + 9, ActivityDetails.money("EUR", 1_500));
        process(of(ActivityType.ORDER_PAID, "order", "o-1", T0 + 2, ActivityDetails.money("EUR", 4_500)), // before its order
                of(ActivityType.ORDER_PLACED, "order", "o-1", T0, placed),
                of(ActivityType.ORDER_PLACED, "order", "o-2", T0, placed), // never paid
                of(ActivityType.TICKET_ISSUED, "ticket", "t-1", T0 + 3, ActivityDetails.tier("tier-a")),
                of(ActivityType.TICKET_ISSUED, "ticket", "t-2", T0 + 3, ActivityDetails.tier("tier-a")),
                of(ActivityType.TICKET_CHECKED_IN, "ticket", "t-1", T0 + 8, ActivityDetails.tier("tier-a")),
                of(ActivityType.TICKET_CHECKED_IN, "ticket", "t-1", T0 + 8, ActivityDetails.tier("tier-a")),
                refund, refund);

        Map<String, Long> t = totals();
        assertThat(t).contains(entry("event|orders_placed|", 2L), entry("event|orders_paid|", 1L),
                entry("event|revenue_minor|EUR", 4_500L), entry("event|revenue_by_tier|tier-a|EUR", 3_000L),
                entry("event|revenue_by_tier|tier-b|EUR", 1_500L), entry("event|discount_uses|EARLY", 1L),
                entry("event|tickets|tier-a", 2L), entry("event|checked_in|tier-a", 1L),
                entry("event|refunds|EUR", 1L), entry("event|refunded_minor|EUR", 1_500L));
    }

    @Test
    void aRestoredOperatorCountsNothingTwiceThatWasCountedBeforeTheCheckpoint() throws Exception {
        ActivityEvent open = openedVia("a", T0 + 1, "sms", null);
        process(createdBy("a", T0, ORGANIZER, "confetti", null), open);
        OperatorSubtaskState snapshot = harness.snapshot(1L, T0);
        Map<String, Long> before = totals();
        harness.close();

        harness = newHarness();
        harness.setup();
        harness.initializeState(snapshot);
        harness.open();
        process(createdBy("a", T0, ORGANIZER, "confetti", null), open); // replayed after the checkpoint

        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(before).contains(entry("event|opens_by_hour|sms|2|22", 1L));
    }

    /** Sums of the deltas per {@code scope|metric|dimension} (the ids are the test's constants). */
    private Map<String, Long> totals() {
        Map<String, Long> sums = new TreeMap<>();
        for (CounterChanges c : harness.extractOutputValues()) {
            assertThat(c.scopeId()).isIn(EVENT, ORGANIZER, CAMPAIGN);
            for (int i = 0; i < c.names().length; i++) {
                assertThat(c.amounts()[i]).as("a change of nothing is never emitted: " + c.names()[i]).isNotZero();
                sums.merge(c.scope() + '|' + c.names()[i], c.amounts()[i], Long::sum);
            }
        }
        return sums;
    }

    private void process(ActivityEvent... activities) throws Exception {
        for (ActivityEvent a : activities) {
            harness.processElement(a, a.occurredAtMs());
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, ActivityEvent, CounterChanges> newHarness()
            throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new AggregateCountersFunction()),
                new Keys.Aggregate(), KeyText.TYPE);
    }
}
