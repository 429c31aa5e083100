package io.inviteflow.core.event;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

@Repository
class EventRepository {

    private static final String COLUMNS = """
            id, organizer_id, title, starts_at, time_zone, venue_name, venue_address, venue_lat, venue_lon,
            online_url, template, created_at""";

    private final JdbcClient jdbc;

    EventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(PartyEvent e) {
        PartyEvent.Venue v = e.venue();
        jdbc.sql("""
                        INSERT INTO party_event (id, organizer_id, title, starts_at, time_zone, venue_name,
                            venue_address, venue_lat, venue_lon, online_url, template, created_at)
                        VALUES (:id, :organizer, :title, :startsAt, :zone, :venueName, :venueAddress, :lat, :lon,
                            :onlineUrl, :template, :createdAt)""")
                .param("id", e.id())
                .param("organizer", e.organizerId())
                .param("title", e.title())
                .param("startsAt", e.startsAt())
                .param("zone", e.timeZone())
                .param("venueName", v == null ? null : v.name())
                .param("venueAddress", v == null ? null : v.address())
                .param("lat", v == null ? null : v.lat())
                .param("lon", v == null ? null : v.lon())
                .param("onlineUrl", e.onlineUrl())
                .param("template", e.template())
                .param("createdAt", e.createdAt().atOffset(java.time.ZoneOffset.UTC))
                .update();
    }

    List<PartyEvent> findByOrganizer(UUID organizerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM party_event WHERE organizer_id = :o ORDER BY starts_at, id")
                .param("o", organizerId)
                .query(ROW)
                .list();
    }

    Optional<PartyEvent> findOwned(UUID id, UUID organizerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM party_event WHERE id = :id AND organizer_id = :o")
                .param("id", id)
                .param("o", organizerId)
                .query(ROW)
                .optional();
    }

    Optional<PartyEvent> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM party_event WHERE id = :id")
                .param("id", id)
                .query(ROW)
                .optional();
    }

    private static final RowMapper<PartyEvent> ROW = EventRepository::map;

    private static PartyEvent map(ResultSet rs, int row) throws SQLException {
        String zone = rs.getString("time_zone");
        OffsetDateTime startsAt = rs.getObject("starts_at", OffsetDateTime.class)
                .atZoneSameInstant(ZoneId.of(zone)).toOffsetDateTime();
        PartyEvent.Venue venue = null;
        if (rs.getString("venue_name") != null) {
            Double lat = (Double) rs.getObject("venue_lat");
            Double lon = (Double) rs.getObject("venue_lon");
            venue = new PartyEvent.Venue(rs.getString("venue_name"), rs.getString("venue_address"), lat, lon,
                    mapUrl(lat, lon));
        }
        return new PartyEvent(rs.getObject("id", UUID.class), rs.getObject("organizer_id", UUID.class),
                rs.getString("title"), startsAt, zone, venue, rs.getString("online_url"), rs.getString("template"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    static String mapUrl(Double lat, Double lon) {
        if (lat == null || lon == null) {
            return null;
        }
        return String.format(Locale.ROOT, "https://www.openstreetmap.org/?mlat=%.6f&mlon=%.6f#map=17/%.6f/%.6f",
                lat, lon, lat, lon);
    }
}
