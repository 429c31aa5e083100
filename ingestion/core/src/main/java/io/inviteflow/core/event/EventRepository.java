package io.inviteflow.core.event;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

@Repository
class EventRepository {

    private static final String COLUMNS = """
            id, organizer_id, title, description, starts_at, ends_at, time_zone, venue_name, venue_address, venue_lat,
            venue_lon, online_url, online_platform, recurrence, capacity, rsvp_deadline, allow_maybe, max_plus_ones,
            template, theme, status, sequence, source, created_at""";

    private final JdbcClient jdbc;

    private final EventSnapshots snapshots;

    EventRepository(JdbcClient jdbc, EventSnapshots snapshots) {
        this.jdbc = jdbc;
        this.snapshots = snapshots;
    }

    void insert(PartyEvent e) {
        bind(jdbc.sql("""
                INSERT INTO party_event (id, organizer_id, title, description, starts_at, ends_at, time_zone,
                    venue_name, venue_address, venue_lat, venue_lon, online_url, online_platform, recurrence, capacity,
                    rsvp_deadline, allow_maybe, max_plus_ones, template, theme, status, sequence, source, created_at)
                VALUES (:id, :organizer, :title, :description, :startsAt, :endsAt, :zone, :venueName, :venueAddress,
                    :lat, :lon, :onlineUrl, :onlinePlatform, :recurrence, :capacity, :rsvpDeadline, :allowMaybe,
                    :maxPlusOnes, :template, :theme, :status, :sequence, :source, :createdAt)"""), e)
                .update();
    }

    /** Writes every field the organizer may change; id, organizer, template and creation time never change. */
    void update(PartyEvent e) {
        snapshots.changed(e.id());
        bind(jdbc.sql("""
                UPDATE party_event SET title = :title, description = :description, starts_at = :startsAt,
                    ends_at = :endsAt, time_zone = :zone, venue_name = :venueName, venue_address = :venueAddress,
                    venue_lat = :lat, venue_lon = :lon, online_url = :onlineUrl, online_platform = :onlinePlatform,
                    recurrence = :recurrence, capacity = :capacity, rsvp_deadline = :rsvpDeadline,
                    allow_maybe = :allowMaybe, max_plus_ones = :maxPlusOnes, theme = :theme, status = :status,
                    sequence = :sequence, updated_at = now()
                WHERE id = :id AND organizer_id = :organizer"""), e)
                .update();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, PartyEvent e) {
        PartyEvent.Venue v = e.venue();
        return sql.param("id", e.id())
                .param("organizer", e.organizerId())
                .param("title", e.title())
                .param("description", e.description())
                .param("startsAt", e.startsAt())
                .param("endsAt", e.endsAt())
                .param("zone", e.timeZone())
                .param("venueName", v == null ? null : v.name())
                .param("venueAddress", v == null ? null : v.address())
                .param("lat", v == null ? null : v.lat())
                .param("lon", v == null ? null : v.lon())
                .param("onlineUrl", e.onlineUrl())
                .param("onlinePlatform", e.onlinePlatform() == null ? null : e.onlinePlatform().name())
                .param("recurrence", e.recurrence())
                .param("capacity", e.capacity())
                .param("rsvpDeadline", e.rsvpDeadline())
                .param("allowMaybe", e.allowMaybe())
                .param("maxPlusOnes", e.maxPlusOnes())
                .param("template", e.template())
                .param("theme", e.theme())
                .param("status", e.status().name())
                .param("sequence", e.sequence())
                .param("source", e.source())
                .param("createdAt", e.createdAt().atOffset(ZoneOffset.UTC));
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

    /** The event, its row locked until the transaction ends: answers to one capped event are taken one at a time. */
    Optional<PartyEvent> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM party_event WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(ROW)
                .optional();
    }

    Optional<PartyEvent> findBySource(UUID organizerId, String source) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM party_event WHERE organizer_id = :o AND source = :source")
                .param("o", organizerId)
                .param("source", source)
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
        ZoneId zone = ZoneId.of(rs.getString("time_zone"));
        PartyEvent.Venue venue = null;
        if (rs.getString("venue_name") != null) {
            Double lat = (Double) rs.getObject("venue_lat");
            Double lon = (Double) rs.getObject("venue_lon");
            venue = new PartyEvent.Venue(rs.getString("venue_name"), rs.getString("venue_address"), lat, lon,
                    mapUrl(lat, lon));
        }
        String platform = rs.getString("online_platform");
        return new PartyEvent(rs.getObject("id", UUID.class), rs.getObject("organizer_id", UUID.class),
                rs.getString("title"), rs.getString("description"), local(rs, "starts_at", zone),
                local(rs, "ends_at", zone), zone.getId(), venue, rs.getString("online_url"),
                platform == null ? null : OnlinePlatform.valueOf(platform), rs.getString("recurrence"),
                (Integer) rs.getObject("capacity"), local(rs, "rsvp_deadline", zone), rs.getBoolean("allow_maybe"),
                rs.getInt("max_plus_ones"), rs.getString("template"), rs.getString("theme"),
                PartyEvent.Status.valueOf(rs.getString("status")), rs.getInt("sequence"), rs.getString("source"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime local(ResultSet rs, String column, ZoneId zone) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.atZoneSameInstant(zone).toOffsetDateTime();
    }

    static String mapUrl(Double lat, Double lon) {
        if (lat == null || lon == null) {
            return null;
        }
        return String.format(Locale.ROOT, "https://www.openstreetmap.org/?mlat=%.6f&mlon=%.6f#map=17/%.6f/%.6f",
                lat, lon, lat, lon);
    }

    GuestOptions guestOptions(UUID eventId) {
        return jdbc.sql("SELECT friend_invites, wall_enabled, chat_enabled FROM party_event WHERE id = :id")
                .param("id", eventId)
                .query((rs, row) -> new GuestOptions(rs.getInt(1), rs.getBoolean(2), rs.getBoolean(3)))
                .optional().orElse(GuestOptions.DEFAULT);
    }

    void updateGuestOptions(UUID eventId, GuestOptions options) {
        snapshots.changed(eventId);
        jdbc.sql("UPDATE party_event SET friend_invites = :friends, wall_enabled = :wall, chat_enabled = :chat "
                        + "WHERE id = :id")
                .param("friends", options.friendInvites()).param("wall", options.wall())
                .param("chat", options.chat()).param("id", eventId)
                .update();
    }
}
