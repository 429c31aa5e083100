package io.inviteflow.core.campaign;

import io.inviteflow.core.calendar.CalendarEntry;
import io.inviteflow.core.calendar.CalendarSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Campaigns on the calendar (all but drafts, cancelled ones too, so the plan's history stays readable) and the
 * occurrences a repeating campaign will have if nobody stops it.
 */
@Component
class CampaignCalendar implements CalendarSource {

    private final JdbcClient jdbc;
    private final CampaignSeries series;

    CampaignCalendar(JdbcClient jdbc, CampaignSeries series) {
        this.jdbc = jdbc;
        this.series = series;
    }

    private record Row(UUID id, String name, String status, Instant sendAt, LocalDateTime localTime,
                       List<String> channels, String every) {
    }

    @Override
    public List<CalendarEntry> between(UUID organizerId, Instant from, Instant to) {
        List<CalendarEntry> entries = new ArrayList<>();
        // the campaigns in the window, and the latest occurrence of every live series (its next ones may be in it)
        List<Row> rows = jdbc.sql("""
                        SELECT id, name, status, send_at, send_at_local, channels, repeat_every FROM campaign
                        WHERE organizer_id = :organizer AND status <> 'DRAFT'
                          AND (send_at >= :from AND send_at < :to
                               OR repeat_every IS NOT NULL AND status IN ('SCHEDULED', 'PAUSED', 'TESTING'))""")
                .param("organizer", organizerId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("status"), rs.getTimestamp("send_at").toInstant(),
                        rs.getTimestamp("send_at_local") == null ? null
                                : rs.getTimestamp("send_at_local").toLocalDateTime(),
                        List.of((String[]) rs.getArray("channels").getArray()), rs.getString("repeat_every")))
                .list();
        for (Row row : rows) {
            if (!row.sendAt().isBefore(from) && row.sendAt().isBefore(to)) {
                entries.add(entry(row, row.sendAt(), row.localTime(), row.status()));
            }
            if (row.every() != null && List.of("SCHEDULED", "PAUSED", "TESTING").contains(row.status())) {
                for (CampaignSeries.Occurrence next : series.planned(row.id(), to)) {
                    if (!next.sendAt().isBefore(from)) {
                        entries.add(entry(row, next.sendAt(), next.localTime(), "PLANNED"));
                    }
                }
            }
        }
        return entries;
    }

    private static CalendarEntry entry(Row row, Instant at, LocalDateTime localTime, String status) {
        String channels = CalendarEntry.channels(row.channels());
        String repeats = row.every() == null ? "" : " · every " + row.every().toLowerCase(Locale.ROOT);
        String clock = localTime == null ? "" : " · on each guest's clock";
        return new CalendarEntry(at, localTime, CalendarEntry.Kind.CAMPAIGN, row.name(), null, row.id(), status,
                "Campaign · " + channels + repeats + clock);
    }
}
