package io.inviteflow.core.campaign;

import io.inviteflow.core.web.Problems;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.Locale;

/**
 * A campaign that goes again: {@code every} day, week or month, the last time on or before {@code until}.
 *
 * @param timeZone where the times are counted (e.g. {@code Europe/Berlin}, {@code UTC}): a weekly 9:00 stays 9:00
 *                 there across daylight-saving changes; a campaign in each guest's own time counts on their clocks
 */
public record Repeat(String every, LocalDate until, String timeZone) {

    /** A series ends within two years: longer plans are made again. */
    private static final Period LONGEST = Period.ofYears(2);

    /** @throws org.springframework.web.ErrorResponseException 422 naming the field */
    Repeat checked(LocalDate today) {
        String unit = every == null ? "" : every.toUpperCase(Locale.ROOT);
        if (!java.util.Set.of("DAY", "WEEK", "MONTH").contains(unit)) {
            throw Problems.unprocessable("repeat.every", "DAY, WEEK or MONTH");
        }
        if (until == null || until.isBefore(today) || until.isAfter(today.plus(LONGEST))) {
            throw Problems.unprocessable("repeat.until", "a date from today to two years ahead");
        }
        try {
            ZoneId.of(String.valueOf(timeZone));
        } catch (java.time.DateTimeException e) {
            throw Problems.unprocessable("repeat.timeZone", "a time zone, e.g. Europe/Berlin");
        }
        return new Repeat(unit, until, timeZone);
    }

    /** The {@code n}-th occurrence's wall-clock time after the first's (n = 0: the first). */
    LocalDateTime after(LocalDateTime first, int n) {
        return switch (every) {
            case "DAY" -> first.plusDays(n);
            case "WEEK" -> first.plusWeeks(n);
            default -> first.plusMonths(n); // from the first, so the 31st stays the month's last day, not the 28th
        };
    }

    boolean covers(LocalDateTime time) {
        return !time.toLocalDate().isAfter(until);
    }
}
