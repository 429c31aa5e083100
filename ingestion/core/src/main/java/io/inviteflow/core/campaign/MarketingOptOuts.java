package io.inviteflow.core.campaign;

import io.inviteflow.contract.ActivityType;
import io.inviteflow.contract.Payloads;
import io.inviteflow.core.invitation.GuestAccess;
import io.inviteflow.core.outbox.ActivityOutbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People who want no marketing: kept by their invitation's person key (their address's blind index), so no organizer's
 * campaign reaches them again (a guest without an address: by their invitation).
 */
@Service
class MarketingOptOuts {

    private final JdbcClient jdbc;
    private final ActivityOutbox outbox;
    private final SmsConsents texts;
    private final MailConsents mails;

    MarketingOptOuts(JdbcClient jdbc, ActivityOutbox outbox, SmsConsents texts, MailConsents mails) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.texts = texts;
        this.mails = mails;
    }

    /**
     * @param via {@code one-click} (RFC 8058) or {@code page}, or the mail relay's {@code hard-bounce} or
     *            {@code complaint}; once, however often asked
     */
    @Transactional
    void optOut(GuestAccess.Guest guest, String via) {
        int added = jdbc.sql("""
                        INSERT INTO marketing_opt_out (email_normalized, via)
                        SELECT person_key, :via FROM invitation WHERE id = :id
                        ON CONFLICT (email_normalized) DO NOTHING""")
                .param("id", guest.invitationId()).param("via", via).update();
        if (added == 1) {
            outbox.record(new ActivityOutbox.Entry(ActivityType.UNSUBSCRIBED, "invitation", guest.invitationId(),
                    guest.eventId(), new Payloads.Unsubscribed("marketing", via)));
        }
        if (!via.equals("hard-bounce")) {
            // the person's no, not their mailbox's failure
            texts.withdrawEverywhere(guest, via);
            mails.withdrawEverywhere(guest, via);
        }
    }
}
