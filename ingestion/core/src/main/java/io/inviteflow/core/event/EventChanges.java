package io.inviteflow.core.event;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The body of {@code PATCH /api/v1/events/{id}}: fields given are changed, fields left out stay. A field is emptied
 * by naming it in {@code clear} (JSON null cannot tell "leave" from "empty" in a record).
 */
record EventChanges(
        @Pattern(regexp = ".*\\S.*", message = "must not be blank") @Size(max = 200) String title,
        @Size(max = 5000) String description,
        OffsetDateTime startsAt,
        OffsetDateTime endsAt,
        @Size(max = 64) String timeZone,
        @Valid NewEvent.NewVenue venue,
        @Size(max = 2048) String onlineUrl,
        OnlinePlatform onlinePlatform,
        @Size(max = 500) String recurrence,
        Integer capacity,
        OffsetDateTime rsvpDeadline,
        Boolean allowMaybe,
        Integer maxPlusOnes,
        @Size(max = 80) String theme,
        @Size(max = 10) List<Clearable> clear) {

    enum Clearable { description, endsAt, venue, online, recurrence, capacity, rsvpDeadline, theme }

    boolean clears(Clearable field) {
        return clear != null && clear.contains(field);
    }
}
