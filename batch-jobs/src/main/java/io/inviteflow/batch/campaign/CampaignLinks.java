package io.inviteflow.batch.campaign;

import io.inviteflow.batch.reminder.Reminder;

import java.util.UUID;

/**
 * Where the links of one person's campaign message lead.
 *
 * @param page  the invitation (or, in a test, the page the organizer checks it on)
 * @param stop  where the person stops all marketing to their address
 * @param pixel the image that counts an open, or null (tests count nothing)
 */
record CampaignLinks(String page, String stop, String pixel, boolean counted) {

    /** A real send: the link goes through the campaign's click counter and the HTML part carries its pixel. */
    static CampaignLinks counted(CampaignRecipient to, UUID campaignId) {
        String counter = to.link() + "/c/" + campaignId;
        return new CampaignLinks(counter, Reminder.marketingStopUrlOf(to.link()), counter + "/open.gif", true);
    }

    /** A preview or test mail: every link leads to {@code page} and nothing is counted. */
    static CampaignLinks uncounted(String page) {
        return new CampaignLinks(page, page, null, false);
    }

    /** The link as a channel carries it: a counted one says which channel brought the click. */
    String click(String via) {
        return counted ? page + "?via=" + via : page;
    }
}
