package io.inviteflow.core.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import io.inviteflow.core.support.Api;
import io.inviteflow.core.support.PaidEventTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Segments by what guests hold and do: ticket tiers, check-in at the door, the waitlist, their language. */
class SegmentsIT extends PaidEventTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void segmentsByTicketTierCheckInAndLanguage() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<String> sale = paidEvent("Concert", 2000, 20);
        String concert = sale.get(0);
        String standard = sale.get(1);
        String vip = ok(api.post("/api/v1/events/" + concert + "/ticket-tiers", organizer,
                "{\"name\":\"VIP\",\"priceMinor\":5000,\"quantity\":5}"), 201).get("id").asText();
        JsonNode guests = invite(concert, tag, "Ann", "Ben", "Cat", "Dan");
        JsonNode annOrder = paidOrder(token(guests, 0), standard, 1);
        paidOrder(token(guests, 1), vip, 2);
        // Ann's ticket is used at the door (set as the scanner sets it; the door itself: CheckInAndRefundIT)
        jdbc.sql("UPDATE ticket SET checked_in_at = now() WHERE order_id = :order")
                .param("order", UUID.fromString(annOrder.get("id").asText())).update();
        // Cat reads her invitation in German (her browser), Dan in French (his choice on the page); a link scanner
        // without a language then opens Cat's again: the page falls back to English, her language stays German
        api.exchange("/i/" + token(guests, 2), b -> b.header("Accept-Language", "de-DE,de;q=0.9").GET());
        api.get("/i/" + token(guests, 3) + "?lang=fr", null);
        api.get("/i/" + token(guests, 2), null);

        assertThat(count(concert, "\"tierIds\":[\"" + vip + "\"]")).isEqualTo(1); // Ben
        assertThat(count(concert, "\"tierIds\":[\"" + vip + "\",\"" + standard + "\"]")).isEqualTo(2);
        assertThat(count(concert, "\"checkedIn\":true")).isEqualTo(1); // Ann
        assertThat(count(concert, "\"checkedIn\":false")).isEqualTo(3);
        assertThat(count(concert, "\"tierIds\":[\"" + standard + "\"],\"checkedIn\":false")).isZero();
        assertThat(count(concert, "\"languages\":[\"de\"]")).isEqualTo(1); // Cat
        assertThat(count(concert, "\"languages\":[\"de\",\"fr\"]")).isEqualTo(2);
        assertThat(count(concert, "\"languages\":[\"en\"]")).isZero();

        // a tier of someone else's event, a language that is none: refused, naming the field
        String otherTier = foreignTier();
        Api.Response foreign = audience(concert, "\"tierIds\":[\"" + otherTier + "\"]");
        assertThat(foreign.status()).isEqualTo(422);
        assertThat(foreign.json().get("field").asText()).isEqualTo("segment.tierIds[0]");
        Api.Response language = audience(concert, "\"languages\":[\"en\",\"DE!\"]");
        assertThat(language.status()).isEqualTo(422);
        assertThat(language.json().get("field").asText()).isEqualTo("segment.languages[1]");
    }

    @Test
    void segmentsByTheWaitlist() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String dinner = ok(api.post("/api/v1/events", organizer, """
                {"title":"Small dinner","startsAt":"2031-06-12T18:00:00+02:00","timeZone":"Europe/Berlin",
                 "capacity":1}"""), 201).get("id").asText();
        JsonNode guests = invite(dinner, tag, "Eve", "Fay");
        answerYes(token(guests, 0));
        answerYes(token(guests, 1)); // the one place is taken: Fay waits

        assertThat(count(dinner, "\"waitlisted\":true")).isEqualTo(1);
        assertThat(count(dinner, "\"waitlisted\":false")).isEqualTo(1);
        assertThat(count(dinner, "\"waitlisted\":true,\"answers\":[\"YES\"]")).isEqualTo(1);
    }

    /** A tier of another organizer's event. */
    private String foreignTier() {
        String stranger = api.newOrganizerToken();
        String event = api.newEvent(stranger, "Not yours");
        ok(api.put("/api/v1/events/" + event + "/ticket-settings", stranger,
                "{\"currency\":\"EUR\",\"vatBasisPoints\":0,\"feeFixedMinor\":0,\"feeBasisPoints\":0}"), 200);
        return ok(api.post("/api/v1/events/" + event + "/ticket-tiers", stranger,
                "{\"name\":\"Theirs\",\"priceMinor\":100,\"quantity\":1}"), 201).get("id").asText();
    }

    private JsonNode invite(String eventId, String tag, String... names) {
        StringBuilder guests = new StringBuilder();
        for (String name : names) {
            guests.append(guests.isEmpty() ? "" : ",").append("{\"name\":\"").append(name).append("\",\"email\":\"")
                    .append(name.toLowerCase()).append("-").append(tag).append("@example.org\"}");
        }
        return ok(api.post("/api/v1/events/" + eventId + "/invitations", organizer, "{\"guests\":[" + guests + "]}"),
                201).get("invitations");
    }

    private void answerYes(String token) {
        ok(api.post("/api/v1/invitations/" + token + "/rsvp", null, "{\"response\":\"YES\"}"), 200);
    }

    private long count(String eventId, String conditions) {
        return ok(audience(eventId, conditions), 200).get("people").asLong();
    }

    private Api.Response audience(String eventId, String conditions) {
        return api.post("/api/v1/campaigns/audience-count", organizer,
                "{\"segment\":{\"eventIds\":[\"" + eventId + "\"]," + conditions + "},\"channels\":[\"EMAIL\"]}");
    }

    private static String token(JsonNode guests, int i) {
        return guests.get(i).get("token").asText();
    }
}
