package io.inviteflow.console.core;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The core's guest-list and question API, as the console reads it. */
public final class CoreGuests {

    private CoreGuests() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Totals(long invited, long opened, long yes, long no, long maybe, long unanswered,
                         long confirmedHeadcount, long waitlisted) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Guest(UUID id, String name, String email, String phone, String response, String attendance,
                        int plusOnes, String note, OffsetDateTime answeredAt, OffsetDateTime firstOpenedAt,
                        OffsetDateTime waitlistedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GuestList(Totals totals, long matching, List<Guest> guests) {
    }

    /** @param kind CHOICE, MULTI_CHOICE, TEXT or NUMBER */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Question(UUID id, String kind, String label, List<String> options, boolean required,
                           boolean perGuest, Integer min, Integer max) {
    }
}
