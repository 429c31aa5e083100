package io.inviteflow.streaming;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inviteflow.contract.Activity;
import io.inviteflow.contract.ActivityCodec;
import io.inviteflow.contract.ActivityType;
import io.inviteflow.contract.Payloads;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Real RSVPs from the public Meetup stream (shared/data/meetup-rsvps-2017.jsonl) as Inviteflow activities, in the
 * order a producer would send them, with the faults the job must absorb added on top.
 * <p>
 * Mapping: a Meetup event is a party event, a member's RSVP to it is an invitation. Each invitation is created 30 s
 * and opened 5 s before its first RSVP; every RSVP line is an {@code RSVP_ANSWERED} with {@code answerVersion} = its
 * {@code mtime}. The stream itself re-delivers RSVPs with rounded mtimes and changed guest counts, so versions already
 * arrive out of order in places. Added faults: every 4th invitation is opened again, every 5th single-answer
 * invitation gets a stale contrary answer (lower version, 1.5 s older) sent right after its real one, every 6th
 * message is sent twice, and two undecodable messages come first. Messages are sent in event-time order within
 * 3-second buckets (file order inside a bucket).
 */
final class MeetupActivities {

    /** A message to send: key, value bytes, and the activity it encodes ({@code null} for junk). */
    record Message(String key, byte[] value, Activity activity) {
    }

    private final ActivityCodec codec = new ActivityCodec();
    private final List<Message> messages = new ArrayList<>();
    private final List<Activity> valid = new ArrayList<>();

    static Path dataFile() {
        String shared = System.getenv().getOrDefault("INVITEFLOW_SHARED", "../../shared");
        return Path.of(shared).resolve("data/meetup-rsvps-2017.jsonl");
    }

    static MeetupActivities load() throws IOException {
        return new MeetupActivities(Files.readAllLines(dataFile(), StandardCharsets.UTF_8));
    }

    private MeetupActivities(List<String> lines) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> rsvps = new ArrayList<>();
        Map<String, Integer> perEvent = new HashMap<>();
        for (String line : lines) {
            JsonNode r = json.readTree(line);
            rsvps.add(r);
            perEvent.merge(r.path("event").path("event_id").asText(), 1, Integer::sum);
        }
        // events with at least two RSVPs: their figures are sums over several invitations
        rsvps.removeIf(r -> perEvent.get(r.path("event").path("event_id").asText()) < 2);
        build(rsvps);
    }

    List<Message> messages() {
        return messages;
    }

    /** The activities that decode, in send order (duplicates included). */
    List<Activity> validActivities() {
        return valid;
    }

    long lastOccurredAtMs() {
        return valid.stream().mapToLong(a -> a.occurredAt().toEpochMilli()).max().orElseThrow();
    }

    private void build(List<JsonNode> rsvps) {
        Map<String, List<JsonNode>> byInvitation = new LinkedHashMap<>();
        for (JsonNode r : rsvps) {
            byInvitation.computeIfAbsent(invitationKey(r), k -> new ArrayList<>()).add(r);
        }
        List<Activity> timeline = new ArrayList<>();
        Map<UUID, Activity> staleAfter = new HashMap<>();
        int n = 0;
        for (List<JsonNode> answers : byInvitation.values()) {
            n++;
            JsonNode first = answers.get(0);
            UUID party = party(first);
            UUID invitation = invitation(first);
            long firstAt = first.path("mtime").asLong();
            timeline.add(activity(ActivityType.INVITATION_CREATED, invitation, party, firstAt - 30_000,
                    new Payloads.InvitationCreated(UUID.nameUUIDFromBytes(party.toString().getBytes()), "meetup", "link", "meetup")));
            timeline.add(activity(ActivityType.INVITATION_OPENED, invitation, party, firstAt - 5_000,
                    new Payloads.InvitationOpened("desktop")));
            if (n % 4 == 0) {
                timeline.add(activity(ActivityType.INVITATION_OPENED, invitation, party, firstAt - 2_000,
                        new Payloads.InvitationOpened("mobile")));
            }
            for (JsonNode r : answers) {
                long at = r.path("mtime").asLong();
                Payloads.Rsvp response = "yes".equals(r.path("response").asText()) ? Payloads.Rsvp.YES : Payloads.Rsvp.NO;
                int guests = response == Payloads.Rsvp.YES ? r.path("guests").asInt() : 0;
                Activity answer = activity(ActivityType.RSVP_ANSWERED, invitation, party, at,
                        new Payloads.RsvpAnswered(response, guests, at));
                timeline.add(answer);
                if (answers.size() == 1 && n % 5 == 0) {
                    Payloads.Rsvp contrary = response == Payloads.Rsvp.YES ? Payloads.Rsvp.NO : Payloads.Rsvp.YES;
                    staleAfter.put(answer.eventId(), activity(ActivityType.RSVP_ANSWERED, invitation, party,
                            at - 1_500, new Payloads.RsvpAnswered(contrary, 3, at - 1_500)));
                }
            }
        }
        timeline.sort(Comparator.comparingLong(a -> a.occurredAt().toEpochMilli() / 3_000)); // stable: file order

        messages.add(new Message("junk", "not json at all".getBytes(StandardCharsets.UTF_8), null));
        messages.add(new Message("junk", """
                {"eventId":"%s","type":"TELEPORTED","schemaVersion":1,"aggregateType":"invitation",
                 "aggregateId":"%s","partyEventId":"%s","occurredAt":"2017-03-01T00:00:00Z","payload":{}}
                """.formatted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID())
                .getBytes(StandardCharsets.UTF_8), null));
        int sent = 0;
        for (Activity a : timeline) {
            send(a);
            if (++sent % 6 == 0) {
                send(a); // redelivery: same eventId, same bytes
            }
            Activity stale = staleAfter.get(a.eventId());
            if (stale != null) {
                send(stale);
            }
        }
    }

    /** The messages that push every partition's watermark past all data, so every minute window closes. */
    List<Message> closingReminders(int partitions) {
        UUID party = UUID.nameUUIDFromBytes("meetup-closing".getBytes());
        List<Message> closing = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            Activity a = activity(ActivityType.REMINDER_SENT, UUID.randomUUID(), party,
                    lastOccurredAtMs() + 600_000, new Payloads.ReminderSent("unanswered", "email"));
            valid.add(a);
            closing.add(new Message(party.toString(), codec.toJson(a), a));
        }
        return closing;
    }

    private void send(Activity a) {
        valid.add(a);
        messages.add(new Message(a.key(), codec.toJson(a), a));
    }

    private Activity activity(ActivityType type, UUID invitation, UUID party, long atMs, Object payload) {
        return codec.activity(UUID.randomUUID(), type, "invitation", invitation, party, Instant.ofEpochMilli(atMs),
                payload);
    }

    private static String invitationKey(JsonNode r) {
        return r.path("event").path("event_id").asText() + ":" + r.path("member").path("member_id").asText();
    }

    private static UUID party(JsonNode r) {
        return UUID.nameUUIDFromBytes(("meetup-event:" + r.path("event").path("event_id").asText()).getBytes());
    }

    private static UUID invitation(JsonNode r) {
        return UUID.nameUUIDFromBytes(("meetup-invitation:" + invitationKey(r)).getBytes());
    }
}
