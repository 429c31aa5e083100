package io.inviteflow.streaming.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inviteflow.contract.Activity;
import io.inviteflow.contract.ActivityCodec;
import io.inviteflow.contract.ActivityType;
import io.inviteflow.contract.Payloads;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.Arrays;

/**
 * Turns the bytes of one Kafka record into an {@link ActivityEvent}: the envelope read by {@link StandardEnvelope} (or,
 * in any other shape, by the contract's {@link ActivityCodec}), the payload's facts by the codec's payload readers.
 * Not serializable on purpose: each deserializer instance builds its own in {@code open()}.
 */
public final class ActivityDecoder {

    private static final String[] NO_CHOICES = new String[0];
    private final ActivityCodec codec = new ActivityCodec();
    private final ObjectMapper tree = new ObjectMapper();

    /**
     * @throws UndecodableActivityException with reason {@code UNKNOWN_TYPE} for an envelope whose type this job does
     *                                      not know, {@code MALFORMED} for anything else that does not decode
     */
    public ActivityEvent decode(byte[] json) throws UndecodableActivityException {
        Envelope envelope = StandardEnvelope.read(json);
        if (envelope == null) {
            envelope = decodeWithCodec(json);
        }
        try {
            return flatten(envelope);
        } catch (ActivityCodec.MalformedActivityException | IllegalArgumentException e) {
            throw new UndecodableActivityException(UndecodableActivityException.Reason.MALFORMED, e.getMessage(), e);
        }
    }

    /** Any shape the contract's codec accepts: offsets, upper-case ids, numbers for times, a payload of null. */
    private Envelope decodeWithCodec(byte[] json) throws UndecodableActivityException {
        Activity a;
        try {
            a = codec.fromJson(json);
        } catch (ActivityCodec.MalformedActivityException e) {
            throw new UndecodableActivityException(hasUnknownType(json)
                    ? UndecodableActivityException.Reason.UNKNOWN_TYPE
                    : UndecodableActivityException.Reason.MALFORMED, e.getMessage(), e);
        }
        byte[] payload = a.payload().toString().getBytes(StandardCharsets.UTF_8);
        return new Envelope(a.eventId().toString(), a.type(), a.aggregateType(), a.aggregateId().toString(),
                a.partyEventId().toString(), a.occurredAt().toEpochMilli(), payload, 0, payload.length);
    }

    private ActivityEvent flatten(Envelope a) {
        Payloads.Rsvp response = null;
        int plusOnes = 0;
        long answerVersion = 0;
        ActivityDetails details = details(a);
        if (a.type() == ActivityType.RSVP_ANSWERED) {
            Payloads.RsvpAnswered answer = payloadAs(a, Payloads.RsvpAnswered.class);
            if (answer.response() == null || answer.plusOnes() < 0) {
                throw new IllegalArgumentException("answer " + a.eventId() + " has no response or negative plusOnes");
            }
            response = answer.response();
            plusOnes = answer.plusOnes();
            answerVersion = answer.answerVersion();
            details = ActivityDetails.choices(choiceKeys(answer.choices()));
        }
        return new ActivityEvent(a.eventId(), a.type(), a.aggregateType(), a.aggregateId(), a.partyEventId(),
                a.occurredAtMs(), a.payload(), response, plusOnes, answerVersion, details);
    }

    private <T> T payloadAs(Envelope a, Class<T> type) {
        return codec.payloadAs(a.bytes(), a.payloadOffset(), a.payloadLength(), type);
    }

    /** {@code questionId|option} per choice (older answers carry none). */
    private static String[] choiceKeys(List<Payloads.QuestionChoice> choices) {
        if (choices == null) {
            return NO_CHOICES;
        }
        String[] keys = new String[choices.size()];
        for (int i = 0; i < keys.length; i++) {
            Payloads.QuestionChoice c = choices.get(i);
            if (c == null || c.questionId() == null || c.option() == null) {
                throw new IllegalArgumentException("a choice without its question or option");
            }
            keys[i] = c.questionId() + "|" + c.option();
        }
        return keys;
    }

    /** The payload facts of the types the metrics count (see {@link ActivityDetails}). */
    private ActivityDetails details(Envelope a) {
        return switch (a.type()) {
            case INVITATION_CREATED -> {
                Payloads.InvitationCreated p = payloadAs(a, Payloads.InvitationCreated.class);
                yield ActivityDetails.created(text(p.organizerId()), p.theme(), text(p.referredBy()));
            }
            case INVITATION_OPENED -> {
                Payloads.InvitationOpened p = payloadAs(a, Payloads.InvitationOpened.class);
                yield ActivityDetails.opened(p.via(), text(p.campaignId()), p.country());
            }
            case REMINDER_SENT -> {
                Payloads.ReminderSent p = payloadAs(a, Payloads.ReminderSent.class);
                yield ActivityDetails.channel(p.channel(), text(p.campaignId()));
            }
            case MESSAGE_OPENED -> {
                Payloads.MessageOpened p = payloadAs(a, Payloads.MessageOpened.class);
                yield ActivityDetails.channel(p.channel(), text(p.campaignId()));
            }
            case MESSAGE_DELIVERED -> {
                Payloads.MessageDelivered p = payloadAs(a, Payloads.MessageDelivered.class);
                yield ActivityDetails.channel(p.channel(), text(p.campaignId()));
            }
            case MESSAGE_BOUNCED -> {
                Payloads.MessageBounced p = payloadAs(a, Payloads.MessageBounced.class);
                yield ActivityDetails.channel(p.channel(), text(p.campaignId()));
            }
            case MESSAGE_QUEUED -> {
                Payloads.MessagesQueued p = payloadAs(a, Payloads.MessagesQueued.class);
                yield ActivityDetails.amount(p.people(), text(p.campaignId()));
            }
            case INVITATION_SHARED -> ActivityDetails.channel(
                    payloadAs(a, Payloads.InvitationShared.class).target(), null);
            case WALL_REACTED -> ActivityDetails.amount(
                    payloadAs(a, Payloads.WallReacted.class).added() ? 1 : -1, null);
            case ORDER_PLACED -> orderPlaced(payloadAs(a, Payloads.OrderPlaced.class));
            case ORDER_PAID -> {
                Payloads.OrderPaid p = payloadAs(a, Payloads.OrderPaid.class);
                yield ActivityDetails.money(p.currency(), p.totalMinor());
            }
            case ORDER_REFUNDED -> {
                Payloads.OrderRefunded p = payloadAs(a, Payloads.OrderRefunded.class);
                yield ActivityDetails.money(p.currency(), p.amountMinor());
            }
            case TICKET_ISSUED -> ActivityDetails.tier(text(payloadAs(a, Payloads.TicketIssued.class).tierId()));
            case TICKET_CHECKED_IN -> ActivityDetails.tier(
                    text(payloadAs(a, Payloads.TicketCheckedIn.class).tierId()));
            case PERSON_ERASED -> {
                // checked here, where a malformed one is skipped and counted: the archive's sink acts on it
                if (payloadAs(a, Payloads.PersonErased.class).invitationIds() == null) {
                    throw new IllegalArgumentException("an erasure without its invitations");
                }
                yield ActivityDetails.NONE;
            }
            default -> ActivityDetails.NONE;
        };
    }

    private static ActivityDetails orderPlaced(Payloads.OrderPlaced p) {
        List<Payloads.OrderLine> lines = p.lines() == null ? List.of() : p.lines();
        String[] tiers = new String[lines.size()];
        long[] amounts = new long[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            Payloads.OrderLine line = lines.get(i);
            tiers[i] = text(line.tierId());
            amounts[i] = line.quantity() * line.unitPriceMinor() - line.discountMinor();
        }
        return ActivityDetails.order(p.currency(), p.totalMinor(), p.discountCode(), tiers, amounts);
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    /** The codec reports an unknown enum constant like any other error; look at the envelope to tell them apart. */
    private boolean hasUnknownType(byte[] json) {
        try {
            JsonNode type = tree.readTree(json).path("type");
            return type.isTextual() && Arrays.stream(ActivityType.values()).noneMatch(t -> t.name().equals(type.asText()));
        } catch (IOException | RuntimeException notJson) {
            return false;
        }
    }
}
