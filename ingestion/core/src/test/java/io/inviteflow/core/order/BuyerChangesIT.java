package io.inviteflow.core.order;

import com.fasterxml.jackson.databind.JsonNode;
import io.inviteflow.core.security.PersonalText;
import io.inviteflow.core.support.Api;
import io.inviteflow.core.support.PaidEventTest;
import io.inviteflow.testsupport.PrintedTickets;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** After paying: giving a ticket away (the old code stops working), cancelling within the host's rules. */
class BuyerChangesIT extends PaidEventTest {

    @org.springframework.beans.factory.annotation.Autowired
    JdbcClient jdbc;

    @Test
    void aGivenTicketOpensTheDoorForItsNewHolderOnlyAndTheOldCodeIsReplaced() throws Exception {
        List<String> sale = paidEvent("Concert for two", 3000, 10);
        String guest = api.invite(organizer, sale.get(0), "Grace").get(0).get("token").asText();
        JsonNode order = paidOrder(guest, sale.get(1), 2);
        String orderId = order.get("id").asText();
        String ticketId = order.get("tickets").get(0).get("id").asText();
        List<String> before = pdfCodes("/i/" + guest + "/orders/" + orderId + "/tickets.pdf");

        JsonNode given = ok(api.post("/i/" + guest + "/orders/" + orderId + "/tickets/" + ticketId + "/transfer", null,
                "{\"name\":\"Ада Лавлейс\",\"email\":\"ada@example.org\"}"), 200);
        String link = given.get("link").asText();
        assertThat(link).contains("/t/IFT1.").endsWith("/ticket.pdf");
        PrintedTickets.Read hers = PrintedTickets.read(get(URI.create(link).getPath()).body());
        assertThat(hers.text()).as("a name in another script prints (the Unicode font)").contains("Ада Лавлейс");
        assertThat(hers.codes()).hasSize(1);

        List<String> kept = pdfCodes("/i/" + guest + "/orders/" + orderId + "/tickets.pdf");
        assertThat(kept).as("the buyer's PDF keeps only the ticket they still hold").hasSize(1);
        String door = device(sale.get(0));
        String oldCode = before.stream().filter(c -> !c.equals(kept.get(0))).findFirst().orElseThrow();
        assertThat(scan(door, oldCode)).isEqualTo("REPLACED");
        assertThat(scan(door, hers.codes().get(0))).isEqualTo("ADMITTED");
        assertThat(get(URI.create(link.replace(hers.codes().get(0), oldCode)).getPath()).statusCode())
                .as("the previous holder's link shows nothing").isEqualTo(404);
        Api.Response again = api.post("/i/" + guest + "/orders/" + orderId + "/tickets/" + ticketId + "/transfer",
                null, "{\"name\":\"Someone\",\"email\":\"someone@example.org\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("notTransferable");
        assertThat(jdbc.sql("SELECT count(*) FROM person_secret WHERE person_key = :key")
                .param("key", PersonalText.ticketKey(java.util.UUID.fromString(ticketId), 3))
                .query(Long.class).single()).as("no secret made for a ticket that was not given").isZero();
    }

    @Test
    void aBuyerCancelsWhileTheRulesAllowAndThePlacesGoBackOnSale() {
        List<String> sale = paidEvent("Lecture", 2000, 3);
        String guest = api.invite(organizer, sale.get(0), "Alan").get(0).get("token").asText();
        String orderId = paidOrder(guest, sale.get(1), 3).get("id").asText();
        Api.Response closed = api.post("/i/" + guest + "/orders/" + orderId + "/cancellation", null, "");
        assertThat(closed.status()).as("no cancellation rule yet").isEqualTo(409);
        assertThat(closed.json().get("code").asText()).isEqualTo("cancelClosed");

        ok(api.put("/api/v1/events/" + sale.get(0) + "/ticket-settings", organizer, "{\"currency\":\"EUR\","
                + "\"vatBasisPoints\":1900,\"feeFixedMinor\":0,\"feeBasisPoints\":0,\"cancelUntilHoursBefore\":48}"), 200);
        JsonNode refund = ok(api.post("/i/" + guest + "/orders/" + orderId + "/cancellation", null, ""), 200);
        assertThat(refund.get("amountMinor").asLong()).isEqualTo(6000);
        assertThat(refund.get("reason").asText()).isEqualTo("buyer_cancelled");
        assertThat(ok(api.get("/i/" + guest + "/orders/" + orderId, null), 200).get("status").asText())
                .isEqualTo("REFUNDED");
        assertThat(ok(api.get("/api/v1/events/" + sale.get(0) + "/sales", organizer), 200).get(0).get("left")
                .asInt()).isEqualTo(3);
    }

    @Test
    void aRescheduleOpensARefundWindowWhateverTheUsualRulesAndTheNoticeSaysSo() {
        List<String> sale = paidEvent("Moved gala", 5000, 5);
        JsonNode invited = ok(api.post("/api/v1/events/" + sale.get(0) + "/invitations", organizer,
                "{\"guests\":[{\"name\":\"Barbara\",\"email\":\"barbara@example.org\"},"
                        + "{\"name\":\"Dennis\",\"email\":\"dennis@example.org\"}]}"), 201).get("invitations");
        String guest = invited.get(0).get("token").asText();
        String orderId = paidOrder(guest, sale.get(1), 1).get("id").asText();
        assertThat(api.post("/i/" + guest + "/orders/" + orderId + "/cancellation", null, "").status()).isEqualTo(409);
        assertThat(api.get("/i/" + guest, null).body()).doesNotContain("Cancel my order");

        ok(api.patch("/api/v1/events/" + sale.get(0), organizer, "{\"startsAt\":\"2027-07-03T18:00:00+02:00\"}"), 200);
        assertThat(api.get("/i/" + guest, null).body()).contains("Cancel my order for a full refund");
        JsonNode recipients = ok(api.get("/api/v1/internal/events/" + sale.get(0) + "/notice-recipients",
                serviceToken()), 200).get("items");
        assertThat(recipients).anySatisfy(r -> {
            assertThat(r.get("guestName").asText()).isEqualTo("Barbara");
            assertThat(r.get("note").asText()).contains("cancel them on your invitation page for a full refund");
        }).anySatisfy(r -> {
            assertThat(r.get("guestName").asText()).isEqualTo("Dennis");
            assertThat(r.get("note").isNull()).as("no tickets, no note").isTrue();
        });
        JsonNode refund = ok(api.post("/i/" + guest + "/orders/" + orderId + "/cancellation", null, ""), 200);
        assertThat(refund.get("reason").asText()).isEqualTo("rescheduled");
    }

    private String device(String eventId) {
        String url = ok(api.post("/api/v1/events/" + eventId + "/check-in-devices", organizer,
                "{\"name\":\"Door\"}"), 201).get("scannerUrl").asText();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private String scan(String deviceToken, String code) {
        return ok(api.post("/checkin/" + deviceToken + "/scans", null, "{\"code\":\"" + code + "\"}"), 200)
                .get("verdict").asText();
    }

    private List<String> pdfCodes(String path) {
        try {
            return PrintedTickets.read(get(path).body()).codes();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private HttpResponse<byte[]> get(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
