package io.inviteflow.core.ticketing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What organizers send to set up a sale; amounts in minor units of the event's currency. */
final class CatalogueRequests {

    private CatalogueRequests() {
    }

    record Settings(@NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
                    String currency,
                    @Min(0) @Max(10_000) int vatBasisPoints,
                    @Min(0) @Max(100_000_000) long feeFixedMinor,
                    @Min(0) @Max(10_000) int feeBasisPoints,
                    Boolean transfersAllowed,
                    @Min(0) @Max(24 * 365) Integer cancelUntilHoursBefore) {
    }

    record Tier(@NotBlank @Size(max = 200) String name,
                @Size(max = 2000) String description,
                @NotNull @Min(0) @Max(100_000_000_00L) Long priceMinor,
                @NotNull @Min(0) @Max(1_000_000) Integer quantity,
                OffsetDateTime salesStart,
                OffsetDateTime salesEnd,
                @Min(1) @Max(100) Integer minPerOrder,
                @Min(1) @Max(100) Integer maxPerOrder,
                @Min(0) @Max(10_000) Integer position,
                @Size(max = 20) List<@jakarta.validation.Valid @NotNull Includes> includes) {
    }

    /** A bundle's item: {@code quantity} of it comes with each ticket of the tier. */
    record Includes(@NotNull UUID itemId, @NotNull @Min(1) @Max(100) Integer quantity) {
    }

    record Item(@NotBlank @Size(max = 200) String name, @NotNull @Min(0) @Max(1_000_000) Integer quantity) {
    }

    record Code(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]+",
                        message = "letters, digits, - and _ only") String code,
                @Min(1) @Max(100) Integer percentOff,
                @Min(1) @Max(100_000_000_00L) Long amountOffMinor,
                @Min(1) @Max(1_000_000) Integer maxUses,
                OffsetDateTime validFrom,
                OffsetDateTime validUntil,
                @Size(max = 100) List<@NotNull UUID> tierIds) {
    }
}
