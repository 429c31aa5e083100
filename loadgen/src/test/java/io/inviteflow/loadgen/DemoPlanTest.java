package io.inviteflow.loadgen;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads the real Meetup sample, as the demo does. */
class DemoPlanTest {

    static Path sample() {
        String shared = System.getenv().getOrDefault("INVITEFLOW_SHARED", "../../shared");
        return Path.of(shared, "data", "meetup-rsvps-2017.jsonl");
    }

    @Test
    void readsEveryLineOfTheSampleOldestFirst() throws Exception {
        List<MeetupRsvps.Rsvp> rsvps = MeetupRsvps.read(sample());

        assertThat(rsvps).hasSize(879);
        assertThat(rsvps.stream().filter(r -> r.response().equals("yes"))).hasSize(659);
        assertThat(rsvps).isSortedAccordingTo(java.util.Comparator.comparingLong(MeetupRsvps.Rsvp::mtime));
        assertThat(rsvps).allSatisfy(r -> assertThat(r.lat()).isBetween(-90.0, 90.0));
    }

    @Test
    void everyLineBecomesOneStepAndEveryMemberOneGuestOfItsCountrysEvent() throws Exception {
        List<MeetupRsvps.Rsvp> rsvps = MeetupRsvps.read(sample());
        DemoPlan plan = DemoPlan.of(rsvps);

        assertThat(plan.events).hasSize(DemoPlan.COUNTRIES.size() + 1);
        assertThat(plan.steps).hasSize(879);
        long distinctPairs = rsvps.stream().map(r -> DemoPlan.eventKey(r.country()) + "/" + r.memberId())
                .distinct().count();
        assertThat(plan.events.stream().mapToInt(e -> e.guests().size()).sum()).isEqualTo((int) distinctPairs);
        assertThat(plan.steps).allSatisfy(s -> {
            assertThat(s.response()).isIn("YES", "NO");
            if (s.response().equals("NO")) {
                assertThat(s.plusOnes()).isZero();
            }
        });
        assertThat(plan.events.get(0).title()).isEqualTo("Meetup community night — United States");
    }
}
