package io.inviteflow.core.reminder;

import io.inviteflow.contract.ActivityType;
import io.inviteflow.contract.Payloads;
import io.inviteflow.core.invitation.GuestAccess;
import io.inviteflow.core.outbox.ActivityOutbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Guests who want no more reminders of an event; each stop is one UNSUBSCRIBED activity, however often asked. */
@Service
class ReminderStops {

    private final JdbcClient jdbc;
    private final ActivityOutbox outbox;

    ReminderStops(JdbcClient jdbc, ActivityOutbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    /** @param via {@code one-click} (RFC 8058, from the mail client) or {@code page} */
    @Transactional
    void stop(GuestAccess.Guest guest, String via) {
        int stopped = jdbc.sql("UPDATE invitation SET reminders_stopped_at = now() WHERE id = :id "
                + "AND reminders_stopped_at IS NULL").param("id", guest.invitationId()).update();
        if (stopped == 1) {
            outbox.record(new ActivityOutbox.Entry(ActivityType.UNSUBSCRIBED, "invitation", guest.invitationId(),
                    guest.eventId(), new Payloads.Unsubscribed("event-reminders", via)));
        }
    }
}
