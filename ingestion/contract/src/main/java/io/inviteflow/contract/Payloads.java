package io.inviteflow.contract;

import java.util.List;
import java.util.UUID;

/** Payload records, one per {@link ActivityType}. All are at schema version 1. */
public final class Payloads {

    private Payloads() {
    }

    /**
     * @param organizerId the organizer who sent it
     * @param theme       the invitation's theme from the template catalogue, e.g. {@code birthday-confetti} (the
     *                    template's name when the event has no theme); the recommender learns from it
     * @param channel     how it was delivered: {@code link}, {@code email}, {@code sms}
     * @param template    the event's template, e.g. {@code birthday}, or null (added in schema version 1 as an
     *                    optional field: older activities lack it)
     * @param referredBy  the invitation of the guest who invited this one with an invite-a-friend link (channel
     *                    {@code referral}), or null; optional field, older activities lack it
     */
    public record InvitationCreated(java.util.UUID organizerId, String theme, String channel, String template,
                                    java.util.UUID referredBy) {

        public InvitationCreated(java.util.UUID organizerId, String theme, String channel, String template) {
            this(organizerId, theme, channel, template, null);
        }
    }

    /**
     * @param client a coarse client family (mobile, desktop, bot) — never the full user agent
     * @param via        the reminder channel whose link was followed ({@code email}, {@code push}), or null
     * @param campaignId the marketing campaign whose link was followed (a click on it), or null; optional field,
     *                   older activities lack it
     * @param country    where the open came from, an ISO 3166-1 alpha-2 code as the proxy or CDN in front of the core
     *                   reported it (never looked up from the address), or null when unknown; optional field
     */
    public record InvitationOpened(String client, String via, java.util.UUID campaignId, String country) {

        /** An open that came from no message of ours (the invitation link itself, a bookmark). */
        public InvitationOpened(String client) {
            this(client, null, null, null);
        }

        public InvitationOpened(String client, String via) {
            this(client, via, null, null);
        }

        public InvitationOpened(String client, String via, java.util.UUID campaignId) {
            this(client, via, campaignId, null);
        }
    }

    /**
     * @param response      the answer
     * @param plusOnes      extra guests the guest brings (0 when not YES)
     * @param answerVersion increases with every answer of the same invitation: the highest version is the
     *                      latest answer, whatever order the messages arrive in
     * @param mailable      whether the guest has an email address, so the answer can be confirmed by mail (optional
     *                      field: older activities lack it and read as true, the safe side)
     * @param choices       what the answer chose in the event's choice and number questions, one entry per guest and
     *                      chosen option (optional: older activities lack it; free-text answers are never here, they
     *                      may hold personal data and stay in the core)
     */
    public record RsvpAnswered(Rsvp response, int plusOnes, long answerVersion, Boolean mailable,
                               List<QuestionChoice> choices) {

        public RsvpAnswered(Rsvp response, int plusOnes, long answerVersion) {
            this(response, plusOnes, answerVersion, null, null);
        }

        public RsvpAnswered(Rsvp response, int plusOnes, long answerVersion, Boolean mailable) {
            this(response, plusOnes, answerVersion, mailable, null);
        }
    }

    /**
     * One option chosen in an answer to an event's question.
     *
     * @param questionId the question
     * @param guest      0 for the guest, 1… for the plus-ones (per-guest questions); always 0 otherwise
     * @param option     the option as the organizer wrote it, or the number given (number questions)
     */
    public record QuestionChoice(UUID questionId, int guest, String option) {
    }

    /**
     * @param reminderKind e.g. {@code unanswered}, {@code campaign}
     * @param channel      e.g. {@code email}
     * @param campaignId   the campaign when {@code reminderKind} is {@code campaign}, else null; optional field, older
     *                     activities lack it
     */
    public record ReminderSent(String reminderKind, String channel, java.util.UUID campaignId) {

        public ReminderSent(String reminderKind, String channel) {
            this(reminderKind, channel, null);
        }
    }

    /**
     * The top of a campaign's funnel: how many people its messages are queued for, when its audience was fixed.
     *
     * @param channels     the campaign's channels ({@code email}, {@code push}, {@code sms})
     * @param variantA     people getting version A now (everybody, without an A/B test)
     * @param variantB     people getting version B now (an A/B test's other half)
     * @param heldForWinner people of an A/B test who get the winning version once it is picked
     */
    public record MessagesQueued(java.util.UUID campaignId, java.util.List<String> channels, long people,
                                 long variantA, long variantB, long heldForWinner) {
    }

    /**
     * A guest's mail client showed one of our mails with its images (the tracking pixel; first time only). Many
     * clients block images or fetch them ahead of the reader, so it is a lower bound and a hint, not proof; a click
     * ({@link InvitationOpened#campaignId()}) is the firm signal.
     *
     * @param kind       {@code campaign}
     * @param campaignId the campaign
     * @param channel    {@code email}
     */
    public record MessageOpened(String kind, java.util.UUID campaignId, String channel) {
    }

    /**
     * @param kind       what the mail was: {@code campaign}, or the reminder's kind (e.g. {@code unanswered})
     * @param campaignId the campaign's, else null
     */
    public record MessageDelivered(String kind, java.util.UUID campaignId, String channel) {
    }

    /**
     * @param permanent  refused for good (the address does not exist): no marketing goes to it again
     * @param diagnostic the mail server's words, e.g. {@code 550 5.1.1 user unknown}
     */
    public record MessageBounced(String kind, java.util.UUID campaignId, String channel, boolean permanent,
                                 String diagnostic) {
    }

    /**
     * @param changed  the fields guests see that changed, e.g. {@code title}, {@code venue}
     * @param sequence the event's iCalendar SEQUENCE after the change
     */
    public record EventUpdated(java.util.List<String> changed, int sequence) {
    }

    public record EventRescheduled(java.time.OffsetDateTime previousStartsAt, java.time.OffsetDateTime startsAt,
                                   int sequence) {
    }

    /** @param reason what the organizer told the guests, or null */
    public record EventCancelled(String reason, int sequence) {
    }

    /** @param headcount the guest and their plus-ones */
    public record Waitlisted(int headcount) {
    }

    /**
     * A guest's post on the event's wall; the text stays in the core.
     *
     * @param postId    the post
     * @param withPhoto whether a photo came with it
     */
    public record WallPosted(java.util.UUID postId, boolean withPhoto) {
    }

    /** A guest's comment under a wall post. */
    public record WallCommented(java.util.UUID postId, java.util.UUID commentId) {
    }

    /**
     * A guest's reaction to a wall post, or its withdrawal.
     *
     * @param reaction e.g. {@code heart}, {@code party}
     * @param added    false when the guest took the reaction back
     */
    public record WallReacted(java.util.UUID postId, String reaction, boolean added) {
    }

    /**
     * An end-to-end encrypted chat message: metadata only, the server cannot read the text.
     *
     * @param messageId the message's number in the event's chat
     * @param bytes     the ciphertext's size
     */
    public record ChatMessageSent(long messageId, int bytes) {
    }

    /**
     * A guest shared the invitation (tapped a share button).
     *
     * @param target where to: {@code native} (the phone's share sheet), {@code whatsapp}, {@code email},
     *               {@code copy}, …
     */
    public record InvitationShared(String target) {
    }

    /**
     * @param itemId    the idea catalogue's id of the item
     * @param guestKey  the person, pseudonymously: a keyed hash of their address, the same across events and
     *                  organizers, from which nobody without the core's key learns the address
     * @param eventType the event's kind (its template id), or null
     */
    public record IdeaClicked(String itemId, String guestKey, String eventType) {
    }

    /** As {@link IdeaClicked}; {@code picked} false: the guest took an earlier pick back. */
    public record IdeaPicked(String itemId, String guestKey, String eventType, boolean picked) {
    }

    /**
     * @param invitationIds the erased person's invitations of this party event: archives delete every activity of them
     */
    public record PersonErased(List<UUID> invitationIds) {
    }

    /**
     * @param scope what the guest no longer wants: {@code event-reminders} (this event's reminders, every channel), or
     *              {@code marketing} (every organizer's campaigns to their address), or {@code sms} (marketing texts
     *              to their number)
     * @param via   {@code one-click} (the mail client's List-Unsubscribe, RFC 8058) or {@code page} (the link's page)
     */
    public record Unsubscribed(String scope, String via) {
    }

    /** A guest asked to be told of changes by Web Push; the subscription itself stays in the core. */
    public record PushSubscribed(String locale) {
    }

    /** One tier's part of an order. */
    public record OrderLine(java.util.UUID tierId, int quantity, long unitPriceMinor, long discountMinor) {
    }

    /**
     * An order placed (aggregate: the order). Amounts in minor units of {@code currency}.
     *
     * @param invitationId the buyer's invitation, null when bought without one
     * @param discountCode the code applied (as the organizer wrote it), or null
     */
    public record OrderPlaced(java.util.UUID invitationId, java.util.List<OrderLine> lines, String currency,
                              long subtotalMinor, long discountMinor, long feeMinor, long totalMinor,
                              String discountCode) {
    }

    /** An order's payment confirmed; {@code gateway}: {@code stripe}, {@code paypal} or {@code free}. */
    public record OrderPaid(String currency, long totalMinor, String gateway, int tickets) {
    }

    /** A payment attempt declined; {@code reason}: the gateway's code ({@code card_declined}, …). */
    public record OrderPaymentFailed(String reason, int attempt) {
    }

    /** An unpaid order's hold ran out; {@code tickets} places went back on sale. */
    public record OrderExpired(int tickets) {
    }

    /**
     * A refund made by the gateway.
     *
     * @param full   whether the order is now refunded in full (its tickets are void)
     * @param reason {@code event_cancelled}, {@code buyer_cancelled}, {@code organizer}, {@code rescheduled}
     */
    public record OrderRefunded(long amountMinor, String currency, boolean full, String reason) {
    }

    /** A ticket issued to a paid order (aggregate: the ticket). */
    public record TicketIssued(java.util.UUID orderId, java.util.UUID tierId) {
    }

    /** A ticket given to another holder. */
    public record TicketTransferred(java.util.UUID orderId, java.util.UUID tierId) {
    }

    /** A ticket let its holder in; {@code device}: the scanner's name ("Door A"). */
    public record TicketCheckedIn(java.util.UUID tierId, String device) {
    }

    /**
     * @param minuteStart    the minute (event time) of the spike
     * @param opens          opens of the event in that minute
     * @param usualPerMinute the event's usual opens per minute before it (a moving average)
     */
    public record OpensSpike(java.time.Instant minuteStart, long opens, double usualPerMinute) {
    }

    /** A guest's answer. */
    public enum Rsvp { YES, NO, MAYBE }
}
