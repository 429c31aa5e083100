package io.inviteflow.batch.reminder;

import java.util.Objects;
import java.util.UUID;

/**
 * A reminder ready to go out: who gets it, what it says, and the identity that makes sending it idempotent.
 *
 * @param kind         the reminder kind, e.g. {@value #UNANSWERED}; a guest gets at most one reminder per kind. A
 *                     notice about one change of an event is {@code <notice>/<activity id>}: once per change
 * @param invitationId the invitation it reminds of
 * @param partyEventId the party event (Kafka key of the activity)
 * @param recipient    email address
 * @param recipientName the guest's name, for the To: header
 * @param subject      mail subject
 * @param textBody     plain-text body
 * @param htmlBody     HTML body (all guest- and organizer-supplied text escaped)
 * @param calendarUrl  the guest's .ics to attach (an updated or cancelled calendar entry), or null
 * @param ticketsUrl   the buyer's printable tickets (PDF) to attach, or null
 * @param stopUrl      where the guest stops these reminders (List-Unsubscribe, RFC 8058 one-click), or null for
 *                     mails that are not reminders (a ticket, a refund)
 */
public record Reminder(String kind, UUID invitationId, UUID partyEventId, String recipient, String recipientName,
                       String subject, String textBody, String htmlBody, String calendarUrl, String ticketsUrl,
                       String stopUrl) {

    public static final String UNANSWERED = "unanswered";

    /** A mail without a calendar attachment. */
    public Reminder(String kind, UUID invitationId, UUID partyEventId, String recipient, String recipientName,
                    String subject, String textBody, String htmlBody) {
        this(kind, invitationId, partyEventId, recipient, recipientName, subject, textBody, htmlBody, null, null,
                null);
    }

    /** A mail with the guest's calendar entry attached. */
    public Reminder(String kind, UUID invitationId, UUID partyEventId, String recipient, String recipientName,
                    String subject, String textBody, String htmlBody, String calendarUrl) {
        this(kind, invitationId, partyEventId, recipient, recipientName, subject, textBody, htmlBody, calendarUrl,
                null, null);
    }

    /** A mail with attachments and no unsubscribe link (tickets, refunds: not reminders). */
    public Reminder(String kind, UUID invitationId, UUID partyEventId, String recipient, String recipientName,
                    String subject, String textBody, String htmlBody, String calendarUrl, String ticketsUrl) {
        this(kind, invitationId, partyEventId, recipient, recipientName, subject, textBody, htmlBody, calendarUrl,
                ticketsUrl, null);
    }

    /** This reminder with its unsubscribe link (see {@link #stopUrlOf}). */
    public Reminder stoppable(String invitationLink) {
        return withStopUrl(stopUrlOf(invitationLink));
    }

    /** This mail with the link that unsubscribes its recipient from its kind of mail (List-Unsubscribe). */
    public Reminder withStopUrl(String url) {
        return new Reminder(kind, invitationId, partyEventId, recipient, recipientName, subject, textBody, htmlBody,
                calendarUrl, ticketsUrl, url);
    }

    /** Where a person stops all marketing to their address: the link's page plus {@code /marketing/stop}. */
    public static String marketingStopUrlOf(String invitationLink) {
        return pageOf(invitationLink) + "/marketing/stop";
    }

    /** Where a guest stops the reminders of the event: the link's page (no #fragment) plus {@code /reminders/stop}. */
    public static String stopUrlOf(String invitationLink) {
        return pageOf(invitationLink) + "/reminders/stop";
    }

    /** The link without its #fragment (the chat key, which never goes to a server). */
    private static String pageOf(String invitationLink) {
        int fragment = invitationLink.indexOf('#');
        return fragment < 0 ? invitationLink : invitationLink.substring(0, fragment);
    }

    public Reminder {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(invitationId, "invitationId");
        Objects.requireNonNull(partyEventId, "partyEventId");
        Objects.requireNonNull(recipient, "recipient");
    }

    /**
     * The guest's own .ics for an invitation link: the link's page without its #fragment (the chat key, which never
     * goes to a server) plus {@code /calendar.ics}.
     */
    public static String calendarUrlOf(String invitationLink) {
        return pageOf(invitationLink) + "/calendar.ics";
    }

    /** kind × invitation: the unit of "never twice" (the primary key of {@code reminder_delivery}). */
    public String idempotencyKey() {
        return kind + ":" + invitationId;
    }

    /**
     * The eventId of the REMINDER_SENT activity: derived from the idempotency key, so publishing it again after a
     * restart produces the same id and consumers drop the duplicate.
     */
    public UUID activityId() {
        return ReminderActivities.Sent.of(this).activityId();
    }
}
