package io.inviteflow.core.order;

import com.fasterxml.jackson.databind.JsonNode;
import io.inviteflow.core.support.Api;
import io.inviteflow.core.support.PaidEventTest;
import io.inviteflow.testsupport.PrintedTickets;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** From the printed ticket to the door, and money back: QR codes that cannot be forged, one entry, one refund each. */
class CheckInAndRefundIT extends PaidEventTest {


    @Test
    void thePrintedQrCodeLetsOnePersonInOnceEvenWithTwoDoorsScanningAtOnce() throws Exception {
        List<String> sale = paidEvent("Festival", 6000, 20);
        String guest = api.invite(organizer, sale.get(0), "Grace").get(0).get("token").asText();
        JsonNode order = paidOrder(guest, sale.get(1), 2);
        List<String> codes = qrCodesOf(order.get("tickets").get(0).get("pdf").asText());
        assertThat(codes).hasSize(2).allSatisfy(c -> assertThat(c).startsWith("IFT1.")).doesNotHaveDuplicates();

        String doorA = device(sale.get(0), "Door A");
        String doorB = device(sale.get(0), "Door B");
        Api.Response scanner = api.get("/checkin/" + doorA, null);
        assertThat(scanner.status()).isEqualTo(200);
        assertThat(scanner.body()).contains("<h1>Door A</h1>").contains("/guest/scanner.js");
        CountDownLatch start = new CountDownLatch(1);
        var doors = Executors.newFixedThreadPool(2);
        List<Future<JsonNode>> scans = new ArrayList<>();
        for (String door : List.of(doorA, doorB)) {
            scans.add(doors.submit((Callable<JsonNode>) () -> {
                start.await();
                return scan(door, codes.get(0));
            }));
        }
        start.countDown();
        List<String> verdicts = List.of(scans.get(0).get().get("verdict").asText(),
                scans.get(1).get().get("verdict").asText());
        doors.shutdown();
        assertThat(verdicts).containsExactlyInAnyOrder("ADMITTED", "ALREADY_USED");
        JsonNode again = scan(doorA, codes.get(0));
        assertThat(again.get("verdict").asText()).isEqualTo("ALREADY_USED");
        assertThat(again.get("device").asText()).isIn("Door A", "Door B");
        assertThat(again.get("checkedInAt").isNull()).isFalse();
        assertThat(again.get("holderName").asText()).isEqualTo("Grace Hopper");

        // a code altered anywhere, or made up, is not ours
        String code = codes.get(1);
        String altered = code.substring(0, 10) + (code.charAt(10) == 'A' ? 'B' : 'A') + code.substring(11);
        assertThat(scan(doorA, altered).get("verdict").asText()).isEqualTo("INVALID");
        assertThat(scan(doorA, "IFT1.AAAAAAAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA").get("verdict").asText())
                .isEqualTo("INVALID");
        // a genuine ticket of another event
        String otherDoor = device(paidEvent("Other party", 1000, 5).get(0), "Side door");
        assertThat(scan(otherDoor, code).get("verdict").asText()).isEqualTo("WRONG_EVENT");

        JsonNode attendance = ok(api.get("/api/v1/events/" + sale.get(0) + "/check-ins", organizer), 200);
        assertThat(attendance.get("tickets").asInt()).isEqualTo(2);
        assertThat(attendance.get("checkedIn").asInt()).isEqualTo(1);

        // a revoked scanner link stops working; another organizer cannot see the devices
        String deviceId = ok(api.get("/api/v1/events/" + sale.get(0) + "/check-in-devices", organizer), 200).get(0)
                .get("id").asText();
        assertThat(api.delete("/api/v1/events/" + sale.get(0) + "/check-in-devices/" + deviceId, organizer).status())
                .isEqualTo(204);
        assertThat(api.post("/checkin/" + doorA + "/scans", null, "{\"code\":\"" + code + "\"}").status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/events/" + sale.get(0) + "/check-in-devices", api.newOrganizerToken()).status())
                .isEqualTo(404);
    }

    @Test
    void organizersRefundInPartAndInFullOnceWhateverTheRetriesAndRefundedTicketsNoLongerOpenTheDoor()
            throws Exception {
        List<String> sale = paidEvent("Dinner", 5000, 10);
        String guest = api.invite(organizer, sale.get(0), "Ada").get(0).get("token").asText();
        JsonNode order = paidOrder(guest, sale.get(1), 2);
        String orderId = order.get("id").asText();
        String refunds = "/api/v1/events/" + sale.get(0) + "/orders/" + orderId + "/refunds";

        JsonNode partial = ok(refund(refunds, "{\"amountMinor\":1500,\"reason\":\"organizer\"}", "k-1"), 201);
        JsonNode retried = ok(refund(refunds, "{\"amountMinor\":1500,\"reason\":\"organizer\"}", "k-1"), 201);
        assertThat(retried.get("id").asText()).isEqualTo(partial.get("id").asText());
        Api.Response tooMuch = refund(refunds, "{\"amountMinor\":9000,\"reason\":\"organizer\"}", "k-2");
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.json().get("field").asText()).isEqualTo("amountMinor");

        String code = qrCodesOf(order.get("tickets").get(0).get("pdf").asText()).get(0);
        String door = device(sale.get(0), "Main door");
        ok(refund(refunds, "{\"reason\":\"organizer\"}", "k-3"), 201);
        JsonNode after = ok(api.get("/i/" + guest + "/orders/" + orderId, null), 200);
        assertThat(after.get("status").asText()).isEqualTo("REFUNDED");
        assertThat(after.get("refundedMinor").asLong()).isEqualTo(10_000);
        assertThat(after.get("tickets")).allSatisfy(t -> assertThat(t.get("status").asText()).isEqualTo("REFUNDED"));
        assertThat(scan(door, code).get("verdict").asText()).isEqualTo("REFUNDED");
        assertThat(refund(refunds, "{\"reason\":\"organizer\"}", "k-4").status()).isEqualTo(409);

        assertThat(idempotencyKeysOf("POST", "/v1/refunds"))
                .filteredOn(k -> k.contains(orderId))
                .containsExactlyInAnyOrder("refund-" + orderId + "-k-1", "refund-" + orderId + "-k-3");
    }

    @Test
    void theCancellationRefundEndpointRefundsEachOrderOnceWhenAChunkIsRepeated() {
        List<String> sale = paidEvent("Cancelled gig", 2000, 50);
        JsonNode guests = api.invite(organizer, sale.get(0), "A", "B", "C");
        List<String> orderIds = new ArrayList<>();
        for (JsonNode g : guests) {
            orderIds.add(paidOrder(g.get("token").asText(), sale.get(1), 1).get("id").asText());
        }
        String path = "/api/v1/internal/events/" + sale.get(0);
        String service = serviceToken();
        assertThat(ok(api.get(path + "/refundable-orders", service), 200)).hasSize(3);
        String chunk = "{\"orderIds\":[\"" + String.join("\",\"", orderIds) + "\"],\"reason\":\"event_cancelled\"}";
        JsonNode first = ok(api.post(path + "/refunds", service, chunk), 200);
        JsonNode repeated = ok(api.post(path + "/refunds", service, chunk), 200);
        assertThat(first).allSatisfy(o -> assertThat(o.get("error").isNull()).isTrue());
        for (int i = 0; i < 3; i++) {
            assertThat(repeated.get(i).get("refund").get("id").asText())
                    .isEqualTo(first.get(i).get("refund").get("id").asText());
        }
        assertThat(ok(api.get(path + "/refundable-orders", service), 200)).isEmpty();
        for (String orderId : orderIds) {
            assertThat(idempotencyKeysOf("POST", "/v1/refunds")).filteredOn(k -> k.contains(orderId))
                    .containsExactly("refund-" + orderId + "-event_cancelled");
        }
        assertThat(api.get(path + "/refundable-orders", organizer).status()).isEqualTo(403);
    }

    private Api.Response refund(String path, String json, String key) {
        return api.exchange(path, b -> b.header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + organizer).header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private String device(String eventId, String name) {
        String url = ok(api.post("/api/v1/events/" + eventId + "/check-in-devices", organizer,
                "{\"name\":\"" + name + "\"}"), 201).get("scannerUrl").asText();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private JsonNode scan(String deviceToken, String code) {
        return ok(api.post("/checkin/" + deviceToken + "/scans", null, "{\"code\":\"" + code + "\"}"), 200);
    }

    /** Reads the QR codes back from the printable PDF, as a door's camera would. */
    private List<String> qrCodesOf(String pdfPath) throws Exception {
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + pdfPath)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        PrintedTickets.Read printed = PrintedTickets.read(pdf.body());
        assertThat(printed.text()).contains("Grace Hopper").contains("Standard");
        return printed.codes();
    }

}
