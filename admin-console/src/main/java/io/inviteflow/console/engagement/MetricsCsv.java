package io.inviteflow.console.engagement;

/** Counters as CSV (RFC 4180): a header, one line per counter; fields quoted where they need it. */
public final class MetricsCsv {

    private MetricsCsv() {
    }

    public static String of(EventMetrics metrics) {
        StringBuilder csv = new StringBuilder("metric,dimension,value\r\n");
        for (Counter c : metrics.counters()) {
            csv.append(field(c.metric())).append(',').append(field(c.dimension())).append(',').append(c.value())
                    .append("\r\n");
        }
        return csv.toString();
    }

    /**
     * Quotes a field holding a comma, quote or line break; a leading =, +, -, @, tab or carriage return is escaped
     * against formula injection (OWASP's list): dimensions such as discount codes are free text.
     */
    static String field(String value) {
        String v = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
