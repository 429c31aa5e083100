package io.inviteflow.streaming.records;

/**
 * The payload facts the metrics need, decoded once by the source so no operator parses JSON again. Each type fills
 * only its own fields; the rest are null / 0 / empty.
 *
 * @param organizerId  {@code INVITATION_CREATED}: who sent it
 * @param theme        {@code INVITATION_CREATED}: the invitation's theme
 * @param channel      how it reached or left the guest: the open's {@code via}, a message's channel, a share's
 *                     target
 * @param campaignId   the campaign of a message, a click ({@code INVITATION_OPENED}) or a queue
 * @param referredBy   {@code INVITATION_CREATED}: the invitation of the guest who passed it on
 * @param tierId       ticket activities: the tier
 * @param currency     order activities: ISO 4217 code
 * @param amountMinor  {@code ORDER_PLACED}/{@code ORDER_PAID}: the total; {@code ORDER_REFUNDED}: the amount back;
 *                     {@code MESSAGE_QUEUED}: the people; {@code WALL_REACTED}: +1 added, -1 taken back
 * @param discountCode {@code ORDER_PLACED}: the code applied, or null
 * @param lineTiers    {@code ORDER_PLACED}: each line's tier …
 * @param lineAmounts  … and what it costs after its discount, in minor units
 * @param choices      {@code RSVP_ANSWERED}: the options chosen in the event's questions, as
 *                     {@code questionId|option}, one per guest and option
 * @param country      {@code INVITATION_OPENED}: where the open came from (ISO 3166-1 alpha-2), or null
 */
public record ActivityDetails(String organizerId, String theme, String channel, String campaignId, String referredBy,
                              String tierId, String currency, long amountMinor, String discountCode,
                              String[] lineTiers, long[] lineAmounts, String[] choices, String country) {

    // shared by every activity without order lines: never written to
    private static final String[] NO_TIERS = new String[0];
    private static final long[] NO_AMOUNTS = new long[0];
    private static final String[] NO_CHOICES = new String[0];

    public static final ActivityDetails NONE = new ActivityDetails(null, null, null, null, null, null, null, 0, null,
            NO_TIERS, NO_AMOUNTS, NO_CHOICES, null);

    /** An open: its channel, the campaign clicked, the country it came from (each may be null). */
    public static ActivityDetails opened(String channel, String campaignId, String country) {
        return new ActivityDetails(null, null, channel, campaignId, null, null, null, 0, null, NO_TIERS, NO_AMOUNTS,
                NO_CHOICES, country);
    }

    public static ActivityDetails channel(String channel, String campaignId) {
        return new ActivityDetails(null, null, channel, campaignId, null, null, null, 0, null, NO_TIERS, NO_AMOUNTS,
                NO_CHOICES, null);
    }

    public static ActivityDetails created(String organizerId, String theme, String referredBy) {
        return new ActivityDetails(organizerId, theme, null, null, referredBy, null, null, 0, null, NO_TIERS,
                NO_AMOUNTS, NO_CHOICES, null);
    }

    public static ActivityDetails money(String currency, long amountMinor) {
        return new ActivityDetails(null, null, null, null, null, null, currency, amountMinor, null, NO_TIERS,
                NO_AMOUNTS, NO_CHOICES, null);
    }

    public static ActivityDetails tier(String tierId) {
        return new ActivityDetails(null, null, null, null, null, tierId, null, 0, null, NO_TIERS, NO_AMOUNTS,
                NO_CHOICES, null);
    }

    public static ActivityDetails choices(String[] choices) {
        return new ActivityDetails(null, null, null, null, null, null, null, 0, null, NO_TIERS, NO_AMOUNTS, choices,
                null);
    }

    /** An order's lines. */
    public static ActivityDetails order(String currency, long totalMinor, String discountCode, String[] lineTiers,
                                        long[] lineAmounts) {
        return new ActivityDetails(null, null, null, null, null, null, currency, totalMinor, discountCode, lineTiers,
                lineAmounts, NO_CHOICES, null);
    }

    public static ActivityDetails amount(long amount, String campaignId) {
        return new ActivityDetails(null, null, null, campaignId, null, null, null, amount, null, NO_TIERS, NO_AMOUNTS,
                NO_CHOICES, null);
    }
}
