package io.inviteflow.core.event;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The body of {@code POST /api/v1/events}. With a {@code template}, what the body leaves out comes from it (theme,
 * duration, plus-ones, capacity, questions); what the body says wins.
 */
record NewEvent(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 5000) String description,
        @NotNull OffsetDateTime startsAt,
        OffsetDateTime endsAt,
        @NotBlank @Size(max = 64) String timeZone,
        @Valid NewVenue venue,
        @Size(max = 2048) String onlineUrl,
        OnlinePlatform onlinePlatform,
        @Size(max = 500) String recurrence,
        Integer capacity,
        OffsetDateTime rsvpDeadline,
        Boolean allowMaybe,
        Integer maxPlusOnes,
        @Size(max = 50) @Pattern(regexp = "[a-z0-9-]+", message = "lower-case letters, digits and dashes only")
        String template,
        @Size(max = 80) String theme,
        @Size(max = 50) List<@Valid @NotNull NewQuestion> questions) {

    record NewVenue(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 500) String address,
            @DecimalMin("-90") @DecimalMax("90") Double lat,
            @DecimalMin("-180") @DecimalMax("180") Double lon) {
    }
}
