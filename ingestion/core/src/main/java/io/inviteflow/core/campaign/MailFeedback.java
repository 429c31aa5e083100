package io.inviteflow.core.campaign;

import io.inviteflow.contract.ActivityType;
import io.inviteflow.contract.Payloads;
import io.inviteflow.core.outbox.ActivityOutbox;
import io.inviteflow.core.security.BlindIndex;
import io.inviteflow.core.security.PersonalData;
import io.inviteflow.core.web.Problems;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * What the mail relay (or the SMS provider, see {@link SmsStatusController}) reports about a message after it left, by
 * the message's ledger key (a mail's {@code X-Inviteflow-Reminder} header), once per message and kind of report:
 * <ul>
 *   <li>{@code DELIVERED}: the recipient's server took it — {@link ActivityType#MESSAGE_DELIVERED};</li>
 *   <li>{@code SOFT_BOUNCE}: refused for now (mailbox full, greylisting) — {@link ActivityType#MESSAGE_BOUNCED};</li>
 *   <li>{@code HARD_BOUNCE}: refused for good (no such address) — the bounce, and the address gets no marketing any
 *       more (mailing a dead address again costs every sender of this installation its reputation);</li>
 *   <li>{@code COMPLAINT}: the recipient marked it as spam — no marketing any more, as if they had unsubscribed.</li>
 * </ul>
 * A text message's hard bounce (no such handset) stops nothing else: a dead number says nothing about the person's
 * mailbox, and no more texts go to it from that campaign anyway.
 */
@Service
class MailFeedback {

    static final Set<String> KINDS = Set.of("DELIVERED", "SOFT_BOUNCE", "HARD_BOUNCE", "COMPLAINT");

    private final JdbcClient jdbc;
    private final ActivityOutbox outbox;
    private final MarketingOptOuts optOuts;
    private final BlindIndex index;

    MailFeedback(JdbcClient jdbc, ActivityOutbox outbox, MarketingOptOuts optOuts, BlindIndex index) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.optOuts = optOuts;
        this.index = index;
    }

    /** One report; false when it was already recorded (the relay retried). */
    @Transactional
    boolean record(String kind, String messageKey, String recipient, String diagnostic) {
        String report = kind == null ? "" : kind.toUpperCase(Locale.ROOT);
        if (!KINDS.contains(report)) {
            throw Problems.unprocessable("kind", "DELIVERED, SOFT_BOUNCE, HARD_BOUNCE or COMPLAINT");
        }
        Mail mail = Mail.of(messageKey);
        boolean text = mail.channel().equals("sms");
        // compared by index: the invitation's address and number are sealed, and the report's is not kept
        byte[] named = text ? index.ofMobile(recipient) : index.ofEmail(recipient);
        UUID eventId = named == null ? null : jdbc.sql("SELECT party_event_id FROM invitation WHERE id = :id AND "
                        + (text ? "e164_index" : "email_index") + " = :named")
                .param("id", mail.invitationId()).param("named", named).query(UUID.class).optional().orElse(null);
        if (eventId == null) {
            throw Problems.unprocessable("recipient", text ? "not the number of the message's invitation"
                    : "not the address of the mail's invitation");
        }
        int first = jdbc.sql("""
                        INSERT INTO mail_feedback (message_key, kind, diagnostic)
                        VALUES (:key, :kind, :diagnostic) ON CONFLICT DO NOTHING""")
                .param("key", messageKey).param("kind", report)
                .param("diagnostic", diagnostic == null ? null : abbreviated(diagnostic), java.sql.Types.VARCHAR)
                .update();
        if (first == 0) {
            return false;
        }
        switch (report) {
            case "DELIVERED" -> outbox.record(new ActivityOutbox.Entry(ActivityType.MESSAGE_DELIVERED, "invitation",
                    mail.invitationId(), eventId, new Payloads.MessageDelivered(mail.kind(), mail.campaignId(),
                    mail.channel())));
            case "SOFT_BOUNCE", "HARD_BOUNCE" -> {
                boolean permanent = report.equals("HARD_BOUNCE");
                outbox.record(new ActivityOutbox.Entry(ActivityType.MESSAGE_BOUNCED, "invitation",
                        mail.invitationId(), eventId, new Payloads.MessageBounced(mail.kind(), mail.campaignId(),
                        // the relay's words name the refused address: the archive must not keep it
                        mail.channel(), permanent, diagnostic == null ? null
                        : PersonalData.scrub(abbreviated(diagnostic)))));
                if (permanent) {
                    if (!text) {
                        stopMarketing("hard-bounce", mail, eventId);
                    }
                    if (mail.campaignId() != null) {
                        jdbc.sql("UPDATE campaign_recipient SET bounced_at = coalesce(bounced_at, now()) "
                                        + "WHERE campaign_id = :campaign AND invitation_id = :invitation")
                                .param("campaign", mail.campaignId()).param("invitation", mail.invitationId())
                                .update();
                    }
                }
            }
            default -> stopMarketing("complaint", mail, eventId);
        }
        return true;
    }

    private void stopMarketing(String via, Mail mail, UUID eventId) {
        optOuts.optOut(new io.inviteflow.core.invitation.GuestAccess.Guest(mail.invitationId(), eventId, null), via);
    }

    private static String abbreviated(String diagnostic) {
        return diagnostic.length() > 500 ? diagnostic.substring(0, 500) : diagnostic;
    }

    /**
     * A message by its ledger key {@code <kind>:<invitation id>}, e.g. {@code campaign/<id>/email:<invitation id>},
     * {@code campaign/<id>/sms:<invitation id>} or {@code unanswered:<invitation id>}.
     *
     * @param channel what its kind ends in: {@code sms} or {@code push}, else {@code email}
     */
    record Mail(String kind, UUID campaignId, UUID invitationId, String channel) {

        static Mail of(String key) {
            int colon = key == null ? -1 : key.lastIndexOf(':');
            try {
                if (colon < 1) {
                    throw new IllegalArgumentException("no ':'");
                }
                UUID invitation = UUID.fromString(key.substring(colon + 1));
                String[] kind = key.substring(0, colon).split("/");
                String last = kind[kind.length - 1];
                String channel = kind.length > 1 && (last.equals("sms") || last.equals("push")) ? last : "email";
                if (kind[0].equals("campaign")) {
                    return new Mail("campaign", UUID.fromString(kind[1]), invitation, channel);
                }
                return new Mail(kind[0], null, invitation, channel);
            } catch (RuntimeException e) {
                throw Problems.unprocessable("messageKey", "the mail's X-Inviteflow-Reminder header, "
                        + "<kind>:<invitation id>");
            }
        }
    }
}
