package io.inviteflow.batch.message;

import io.inviteflow.batch.push.PushMessage;
import io.inviteflow.batch.reminder.Reminder;
import io.inviteflow.batch.sms.SmsMessage;

/**
 * What goes out to one person in one step: a mail, a Web Push message and/or a text message, each with its own ledger
 * identity.
 *
 * @param email null when not by mail; @param push null when not by push; @param sms null when not by SMS
 */
public record Outgoing(Reminder email, PushMessage push, SmsMessage sms) {

    /** The ledger identity of each message it holds (a mail, a push, a text). */
    public java.util.List<Reminder> ledgers() {
        return java.util.stream.Stream.of(email, push == null ? null : push.ledger(), sms == null ? null : sms.ledger())
                .filter(java.util.Objects::nonNull).toList();
    }

    /** By mail and/or push. */
    public Outgoing(Reminder email, PushMessage push) {
        this(email, push, null);
    }
}
