package io.inviteflow.batch.sms;

import io.inviteflow.batch.reminder.Reminder;

/**
 * A text message to one guest's phone, delivered once (its ledger entry, kind ending in {@code /sms}).
 *
 * @param ledger the delivery's identity in {@code reminder_delivery}
 * @param to     the number in E.164 ({@code +4915112345678})
 * @param body   the text, at most {@value #MAX_LENGTH} characters
 */
public record SmsMessage(Reminder ledger, String to, String body) {

    /** What SMS providers take in one message (sent as up to ten linked SMS). */
    public static final int MAX_LENGTH = 1600;
}
