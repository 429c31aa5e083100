package io.inviteflow.core.reminder;

import io.inviteflow.core.event.EventCreated;
import io.inviteflow.core.event.Events;
import io.inviteflow.core.template.EventTemplate;
import io.inviteflow.core.template.TemplateCatalogue;
import io.inviteflow.core.web.Problems;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Array;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The reminder schedule of each event: set once by the organizer (or taken from the event's template when it is
 * created) and sent by batch-jobs when due. A schedule is replaced as a whole: it is a short list people edit together.
 */
@Service
public class ReminderRules {

    static final int MAX_RULES = 10;
    private static final Set<ReminderRule.Channel> DEFAULT_CHANNELS = EnumSet.allOf(ReminderRule.Channel.class);

    private final JdbcClient jdbc;
    private final Events events;
    private final TemplateCatalogue templates;

    ReminderRules(JdbcClient jdbc, Events events, TemplateCatalogue templates) {
        this.jdbc = jdbc;
        this.events = events;
        this.templates = templates;
    }

    /** A rule as an organizer writes it: {@code {"kind":"BEFORE_EVENT","offset":"P1D","channels":["EMAIL"]}}. */
    record NewRule(String kind, String offset, List<String> channels) {
    }

    List<ReminderRule> ofOwned(UUID organizerId, UUID eventId) {
        events.requireOwned(eventId, organizerId);
        return of(eventId);
    }

    List<ReminderRule> of(UUID eventId) {
        return jdbc.sql("SELECT id, kind, offset_seconds, channels FROM reminder_rule WHERE event_id = :event "
                        + "ORDER BY position")
                .param("event", eventId)
                .query((rs, row) -> new ReminderRule(rs.getObject("id", UUID.class),
                        ReminderRule.Kind.valueOf(rs.getString("kind")),
                        Duration.ofSeconds(rs.getLong("offset_seconds")), channels(rs.getArray("channels"))))
                .list();
    }

    @Transactional
    List<ReminderRule> replace(UUID organizerId, UUID eventId, List<NewRule> requested) {
        if (events.requireOwned(eventId, organizerId).cancelled()) {
            throw Problems.conflict("the event is cancelled: it sends no more reminders");
        }
        if (requested.size() > MAX_RULES) {
            throw Problems.unprocessable("rules", "at most " + MAX_RULES + " reminders per event");
        }
        List<ReminderRule> rules = new java.util.ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            ReminderRule rule = checked(requested.get(i), "rules[" + i + "]");
            if (!seen.add(rule.kind() + "/" + rule.offset())) {
                throw Problems.unprocessable("rules[" + i + "]", "the same reminder twice");
            }
            rules.add(rule);
        }
        store(eventId, rules);
        return of(eventId);
    }

    /** A new event starts with its template's reminders (email and push), which the organizer may then change. */
    @EventListener
    void eventCreated(EventCreated created) {
        if (created.template() == null) {
            return;
        }
        List<EventTemplate.Reminder> defaults = templates.find(created.template())
                .map(EventTemplate::reminders).orElse(List.of());
        store(created.eventId(), defaults.stream()
                .map(r -> new ReminderRule(UUID.randomUUID(), ReminderRule.Kind.valueOf(r.kind()),
                        Duration.parse(r.offset()), DEFAULT_CHANNELS))
                .toList());
    }

    /**
     * Replaces the event's rules. A rule that stays (same kind and offset) keeps its id: deliveries are recorded per
     * rule, so a save that keeps a reminder must not make it look new (it would go out again to whoever it already
     * reached).
     */
    private void store(UUID eventId, List<ReminderRule> requested) {
        java.util.Map<String, UUID> kept = new java.util.HashMap<>();
        for (ReminderRule existing : of(eventId)) {
            kept.put(existing.kind() + "/" + existing.offset(), existing.id());
        }
        List<ReminderRule> rules = requested.stream().map(r -> new ReminderRule(
                kept.getOrDefault(r.kind() + "/" + r.offset(), r.id()), r.kind(), r.offset(), r.channels())).toList();
        jdbc.sql("DELETE FROM reminder_rule WHERE event_id = :event").param("event", eventId).update();
        for (int i = 0; i < rules.size(); i++) {
            ReminderRule rule = rules.get(i);
            jdbc.sql("""
                            INSERT INTO reminder_rule (id, event_id, kind, offset_seconds, channels, position)
                            VALUES (:id, :event, :kind, :offset, string_to_array(:channels, ','), :position)""")
                    .param("id", rule.id()).param("event", eventId).param("kind", rule.kind().name())
                    .param("offset", rule.offset().toSeconds())
                    .param("channels", String.join(",", rule.channels().stream().map(Enum::name).sorted().toList()))
                    .param("position", i)
                    .update();
        }
    }

    private static ReminderRule checked(NewRule rule, String field) {
        if (rule == null) {
            throw Problems.unprocessable(field, "a reminder: kind, offset, channels");
        }
        ReminderRule.Kind kind;
        try {
            kind = ReminderRule.Kind.valueOf(String.valueOf(rule.kind()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problems.unprocessable(field + ".kind", "one of BEFORE_EVENT, UNOPENED, MAYBE_BEFORE_DEADLINE");
        }
        Duration offset;
        try {
            offset = Duration.parse(String.valueOf(rule.offset()));
        } catch (DateTimeParseException e) {
            throw Problems.unprocessable(field + ".offset", "an ISO-8601 duration such as P7D, P1D or PT2H");
        }
        if (offset.compareTo(ReminderRule.SHORTEST) < 0 || offset.compareTo(ReminderRule.LONGEST) > 0) {
            throw Problems.unprocessable(field + ".offset", "between 15 minutes (PT15M) and 90 days (P90D)");
        }
        if (rule.channels() == null || rule.channels().isEmpty()) {
            throw Problems.unprocessable(field + ".channels", "at least one of EMAIL, PUSH");
        }
        Set<ReminderRule.Channel> channels = EnumSet.noneOf(ReminderRule.Channel.class);
        for (String channel : rule.channels()) {
            try {
                channels.add(ReminderRule.Channel.valueOf(String.valueOf(channel).toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw Problems.unprocessable(field + ".channels", "EMAIL or PUSH, not " + channel);
            }
        }
        return new ReminderRule(UUID.randomUUID(), kind, offset, channels);
    }

    static Set<ReminderRule.Channel> channels(Array array) throws java.sql.SQLException {
        Set<ReminderRule.Channel> channels = EnumSet.noneOf(ReminderRule.Channel.class);
        for (Object channel : (Object[]) array.getArray()) {
            channels.add(ReminderRule.Channel.valueOf((String) channel));
        }
        return channels;
    }
}
