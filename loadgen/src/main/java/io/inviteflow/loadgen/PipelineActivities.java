package io.inviteflow.loadgen;

import io.inviteflow.contract.Activity;
import io.inviteflow.contract.ActivityCodec;
import io.inviteflow.contract.ActivityType;
import io.inviteflow.contract.Payloads;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Synthetic activity of many invitations, with the mix a live installation sends: each invitation is created, often
 * reminded, opened once or twice (by mail link or directly), mostly answered and sometimes answered again. Seeded, so
 * every run sends the same activities; event times move forward {@code stepMs} per activity from {@code start}
 * (or are "now" with {@link #live}).
 */
final class PipelineActivities {

    private static final String[] THEMES = {"confetti", "garden", "midnight", "classic", "neon", "rustic"};
    private static final Payloads.Rsvp[] ANSWERS = {Payloads.Rsvp.YES, Payloads.Rsvp.YES, Payloads.Rsvp.YES,
            Payloads.Rsvp.NO, Payloads.Rsvp.NO, Payloads.Rsvp.MAYBE};

    private final ActivityCodec codec = new ActivityCodec();
    private final SplittableRandom random;
    private final UUID[] events;
    private final UUID[] organizers;
    private final boolean live;
    private long at;
    private final long stepMs;
    private long invitations;

    /** A batch of one invitation's activities, all with the same Kafka key (its party event). */
    record Batch(String key, List<byte[]> values) {
    }

    PipelineActivities(long seed, int eventCount, Instant start, long stepMs, boolean live) {
        this.random = new SplittableRandom(seed);
        this.events = new UUID[eventCount];
        this.organizers = new UUID[Math.max(1, eventCount / 10)];
        for (int i = 0; i < organizers.length; i++) {
            organizers[i] = new UUID(seed, i);
        }
        for (int i = 0; i < eventCount; i++) {
            events[i] = new UUID(seed + 1, i);
        }
        this.at = start.toEpochMilli();
        this.stepMs = stepMs;
        this.live = live;
    }

    long invitations() {
        return invitations;
    }

    /** The next invitation's activities: 1 to 6, about 3.2 on average. */
    Batch next() {
        int e = random.nextInt(events.length);
        UUID event = events[e];
        UUID organizer = organizers[e % organizers.length];
        UUID invitation = new UUID(random.nextLong(), random.nextLong());
        invitations++;
        List<byte[]> out = new ArrayList<>(6);
        boolean byMail = random.nextInt(10) < 6;
        out.add(encode(ActivityType.INVITATION_CREATED, invitation, event, new Payloads.InvitationCreated(organizer,
                THEMES[random.nextInt(THEMES.length)], byMail ? "email" : "link", "birthday")));
        if (random.nextInt(5) == 0) {
            out.add(encode(ActivityType.REMINDER_SENT, invitation, event, new Payloads.ReminderSent("unanswered", "email")));
        }
        out.add(encode(ActivityType.INVITATION_OPENED, invitation, event,
                new Payloads.InvitationOpened("mobile", byMail ? "email" : null)));
        if (random.nextInt(4) == 0) {
            out.add(encode(ActivityType.INVITATION_OPENED, invitation, event, new Payloads.InvitationOpened("desktop")));
        }
        if (random.nextInt(10) < 7) {
            Payloads.Rsvp answer = ANSWERS[random.nextInt(ANSWERS.length)];
            out.add(encode(ActivityType.RSVP_ANSWERED, invitation, event,
                    new Payloads.RsvpAnswered(answer, answer == Payloads.Rsvp.YES ? random.nextInt(3) : 0, 1)));
            if (random.nextInt(10) == 0) {
                out.add(encode(ActivityType.RSVP_ANSWERED, invitation, event,
                        new Payloads.RsvpAnswered(Payloads.Rsvp.NO, 0, 2)));
            }
        }
        return new Batch(event.toString(), out);
    }

    /** One more invitation created in {@code event} now: the freshness probe. */
    byte[] probe(UUID event) {
        return encode(ActivityType.INVITATION_CREATED, UUID.randomUUID(), event,
                new Payloads.InvitationCreated(organizers[0], "probe", "link", null));
    }

    private byte[] encode(ActivityType type, UUID invitation, UUID event, Object payload) {
        Instant when = live ? Instant.now() : Instant.ofEpochMilli(at += stepMs);
        Activity a = codec.activity(UUID.randomUUID(), type, "invitation", invitation, event, when, payload);
        return codec.toJson(a);
    }
}
