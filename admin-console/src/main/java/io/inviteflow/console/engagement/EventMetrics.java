package io.inviteflow.console.engagement;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every counter of one event (the per-minute chart series aside), with the readings the dashboard makes of them.
 * Also the body of {@code GET /api/v1/events/{id}/metrics}.
 */
public record EventMetrics(List<Counter> counters) {

    public static final EventMetrics NONE = new EventMetrics(List.of());

    /** A plain figure (no dimension); 0 when the job has not counted it yet. */
    public long value(String metric) {
        return counters.stream().filter(c -> c.metric().equals(metric) && c.dimension().isEmpty())
                .mapToLong(Counter::value).sum();
    }

    /** A metric's breakdown, dimension → value, in the table's order (dimension text order). */
    public Map<String, Long> breakdown(String metric) {
        Map<String, Long> out = new LinkedHashMap<>();
        counters.stream().filter(c -> c.metric().equals(metric) && !c.dimension().isEmpty())
                .forEach(c -> out.merge(c.dimension(), c.value(), Long::sum));
        return out;
    }

    /**
     * The upper bound (seconds) of the histogram bucket holding the {@code q} quantile of a duration histogram
     * ({@code time_to_open}, {@code time_to_answer}); empty without data, {@code Long.MAX_VALUE} for the last bucket.
     */
    public Optional<Long> quantileBound(String metric, double q) {
        List<Map.Entry<Long, Long>> buckets = breakdown(metric).entrySet().stream()
                .map(e -> Map.entry("inf".equals(e.getKey()) ? Long.MAX_VALUE : Long.parseLong(e.getKey()), e.getValue()))
                .sorted(Map.Entry.comparingByKey()).toList();
        long total = buckets.stream().mapToLong(Map.Entry::getValue).sum();
        if (total == 0) {
            return Optional.empty();
        }
        long running = 0;
        for (Map.Entry<Long, Long> b : buckets) {
            running += b.getValue();
            if (running >= Math.ceil(q * total)) {
                return Optional.of(b.getKey());
            }
        }
        return Optional.of(Long.MAX_VALUE);
    }

    /** The {@code n} dimensions with the highest values of a breakdown, highest first. */
    public List<Map.Entry<String, Long>> top(String metric, int n) {
        return breakdown(metric).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(n).toList();
    }
}
