package io.inviteflow.core.event;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;

/** The body of {@code POST /api/v1/events}. */
record NewEvent(
        @NotBlank @Size(max = 200) String title,
        @NotNull OffsetDateTime startsAt,
        @NotBlank @Size(max = 64) String timeZone,
        @Valid NewVenue venue,
        @Size(max = 2048) String onlineUrl,
        @Size(max = 50) @Pattern(regexp = "[a-z0-9-]+", message = "lower-case letters, digits and dashes only")
        String template) {

    record NewVenue(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 500) String address,
            @DecimalMin("-90") @DecimalMax("90") Double lat,
            @DecimalMin("-180") @DecimalMax("180") Double lon) {
    }
}
