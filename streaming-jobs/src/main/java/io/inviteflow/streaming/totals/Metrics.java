package io.inviteflow.streaming.totals;

/**
 * The scopes and metric names of {@code engagement_totals}. Definitions are in the module README ("Metrics"); the
 * dimension of each is named after the metric.
 */
public final class Metrics {

    /** Scope: one party event; scope id = its id. */
    public static final String EVENT = "event";
    /** Scope: one campaign; scope id = its id (a campaign can reach guests of several events). */
    public static final String CAMPAIGN = "campaign";
    /** Scope: one organizer, all events; scope id = the organizer's id. */
    public static final String ORGANIZER = "organizer";

    // funnel of an event: invitations that reached each step (each invitation counts once per step)
    public static final String INVITED = "invited";
    public static final String DELIVERED = "delivered";
    public static final String OPENED = "opened";
    public static final String ANSWERED = "answered";
    public static final String YES = "yes";
    public static final String NO = "no";
    public static final String MAYBE = "maybe";
    public static final String HEADCOUNT = "headcount";
    /**
     * dimension: {@code questionId|option}; per option of the event's choice, multi-choice and number questions, how
     * many of the people saying yes chose it (a per-guest question counts each plus-one's choice)
     */
    public static final String CHOICES = "choices";
    /** dimension: bucket upper bound in seconds ({@link TimeBuckets}) */
    public static final String TIME_TO_OPEN = "time_to_open";
    public static final String TIME_TO_ANSWER = "time_to_answer";
    /** dimension: {@code channel|ISO weekday|hour}, UTC; every open / every answer */
    public static final String OPENS_BY_HOUR = "opens_by_hour";
    public static final String ANSWERS_BY_HOUR = "answers_by_hour";
    /** dimension: ISO 3166-1 alpha-2 country; every open whose country the core was told */
    public static final String OPENS_BY_COUNTRY = "opens_by_country";
    /** dimension: the minute's start, epoch seconds; every open / every answer (the live chart) */
    public static final String OPENS_BY_MINUTE = "opens_by_minute";
    public static final String ANSWERS_BY_MINUTE = "answers_by_minute";
    /** dimension: the sharer's invitation id */
    public static final String REFERRALS = "referrals";
    /** dimension: share target */
    public static final String SHARES = "shares";
    public static final String WALL_POSTS = "wall_posts";
    public static final String WALL_COMMENTS = "wall_comments";
    public static final String REACTIONS = "reactions";
    public static final String CHAT_MESSAGES = "chat_messages";
    // sales of an event
    public static final String ORDERS_PLACED = "orders_placed";
    public static final String ORDERS_PAID = "orders_paid";
    public static final String PAYMENT_FAILURES = "payment_failures";
    /** dimension: currency */
    public static final String REVENUE_MINOR = "revenue_minor";
    /** dimension: {@code tier|currency} */
    public static final String REVENUE_BY_TIER = "revenue_by_tier";
    /** dimension: the code as written */
    public static final String DISCOUNT_USES = "discount_uses";
    /** dimension: currency */
    public static final String REFUNDS = "refunds";
    public static final String REFUNDED_MINOR = "refunded_minor";
    /** dimension: tier */
    public static final String TICKETS = "tickets";
    public static final String CHECKED_IN = "checked_in";
    // funnel of a campaign
    public static final String QUEUED = "queued";
    /** dimension: channel; messages, not people */
    public static final String SENT = "sent";
    public static final String BOUNCED = "bounced";
    public static final String CLICKED = "clicked";
    // per organizer, dimension: theme
    public static final String THEME_INVITED = "theme_invited";
    public static final String THEME_OPENED = "theme_opened";
    public static final String THEME_ANSWERED = "theme_answered";
    public static final String THEME_YES = "theme_yes";

    private Metrics() {
    }
}
