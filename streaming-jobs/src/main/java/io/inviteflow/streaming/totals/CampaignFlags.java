package io.inviteflow.streaming.totals;

/**
 * Bits of an invitation's part in a campaign. A message ({@code campaign|channel}) is sent, delivered, bounced; the
 * person ({@code campaign}) opened the mail, clicked through, then answered after that click (whether that answer is
 * yes is read from the invitation's latest answer).
 */
final class CampaignFlags {

    static final int SENT = 1;
    static final int DELIVERED = 1 << 1;
    static final int BOUNCED = 1 << 2;
    static final int OPENED = 1 << 3;
    static final int CLICKED = 1 << 4;
    static final int ANSWERED = 1 << 5;

    private CampaignFlags() {
    }

    static boolean has(int flags, int flag) {
        return (flags & flag) != 0;
    }
}
