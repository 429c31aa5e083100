package io.inviteflow.streaming.totals;

/** What the job remembers about one order (keyed state, mutable Flink POJO). */
public class OrderFacts {

    public boolean placed;
    public boolean paid;
    public String currency;
    public long totalMinor;
    public String discountCode;
    public String[] lineTiers = new String[0];
    public long[] lineAmounts = new long[0];
    /** see {@link RecentActivities}: refunds are counted per activity */
    public long[] recent = new long[0];
}
