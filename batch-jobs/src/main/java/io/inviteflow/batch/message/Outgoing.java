package io.inviteflow.batch.message;

import io.inviteflow.batch.push.PushMessage;
import io.inviteflow.batch.reminder.Reminder;

/**
 * What goes out to one person in one step: a mail and/or a Web Push message, each with its own ledger identity.
 *
 * @param email null when not by mail; @param push null when not by push
 */
public record Outgoing(Reminder email, PushMessage push) {
}
