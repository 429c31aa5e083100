package io.inviteflow.batch.push;

import io.inviteflow.batch.reminder.Reminder;

import java.util.List;

/**
 * A Web Push notification to all of one guest's subscribed browsers, delivered once (its ledger entry, kind ending in
 * {@code /push}).
 *
 * @param ledger  the delivery's identity in {@code reminder_delivery}
 * @param url     opened when the guest taps the notification
 * @param targets the guest's subscriptions
 */
public record PushMessage(Reminder ledger, String title, String body, String url,
                          List<PushTarget> targets) {
}
