package io.inviteflow.localstack.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.inviteflow.localstack.common.FormBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class TwilioStandInTest {

    private static final String SID = "AC" + "0123456789abcdef".repeat(2);
    private static final String TOKEN = "stand-in-auth-token";
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final List<Map<String, String>> callbacks = new CopyOnWriteArrayList<>();
    private final List<String> callbackSignatures = new CopyOnWriteArrayList<>();
    private TwilioStandIn twilio;
    private HttpServer receiver;

    @BeforeEach
    void start() throws Exception {
        twilio = TwilioStandIn.start(0, SID, TOKEN, true);
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/status", exchange -> {
            callbacks.add(FormBody.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            callbackSignatures.add(exchange.getRequestHeaders().getFirst("X-Twilio-Signature"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        twilio.close();
        receiver.stop(0);
    }

    @Test
    void signsAsTwilioDocumentsIt() {
        // the example of Twilio's webhook security guide, with its published signature
        String signature = new TwilioSignature("12345").sign("https://mycompany.com/myapp.php?foo=1&bar=2", Map.of(
                "CallSid", "CA1234567890ABCDE", "Caller", "+14158675310", "Digits", "1234", "From", "+14158675310",
                "To", "+18005551212"));

        assertThat(signature).isEqualTo("GvWf1cFY/Q7PnoempGyD5oXAezc=");
    }

    @Test
    void queuesAMessageThenReportsItSentAndDeliveredSignedInThatOrder() throws Exception {
        String callback = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/status?key=campaign%2Fx%3Ay";
        HttpResponse<String> created = create(SID + ":" + TOKEN, Map.of("To", "+4915112345678",
                "From", "+15005550006", "Body", "Grüße! " + "x".repeat(100), "StatusCallback", callback));

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode message = json.readTree(created.body());
        assertThat(message.get("sid").asText()).matches("SM[0-9a-f]{32}");
        assertThat(message.get("status").asText()).isEqualTo("queued");
        assertThat(message.get("to").asText()).isEqualTo("+4915112345678");
        // "ü" is GSM-7, so 107 characters fit one SMS
        assertThat(message.get("num_segments").asText()).isEqualTo("1");

        twilio.awaitWebhooks();
        assertThat(callbacks).extracting(c -> c.get("MessageStatus")).containsExactly("sent", "delivered");
        assertThat(callbacks).allSatisfy(c -> assertThat(c.get("MessageSid")).isEqualTo(message.get("sid").asText()));
        for (int i = 0; i < callbacks.size(); i++) {
            assertThat(callbackSignatures.get(i)).isEqualTo(new TwilioSignature(TOKEN).sign(callback,
                    callbacks.get(i)));
        }
        HttpResponse<String> fetched = http.send(HttpRequest.newBuilder(URI.create(twilio.baseUrl()
                        + "/2010-04-01/Accounts/" + SID + "/Messages/" + message.get("sid").asText() + ".json"))
                .header("Authorization", basic(SID + ":" + TOKEN)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(json.readTree(fetched.body()).get("status").asText()).isEqualTo("delivered");
    }

    @Test
    void anUnreachableHandsetIsAcceptedThenUndelivered() throws Exception {
        String callback = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/status";
        create(SID + ":" + TOKEN, Map.of("To", TwilioStandIn.UNREACHABLE_HANDSET, "From", "+15005550006",
                "Body", "hi", "StatusCallback", callback));

        twilio.awaitWebhooks();
        assertThat(callbacks.get(1)).containsEntry("MessageStatus", "undelivered").containsEntry("ErrorCode", "30003");
    }

    @Test
    void refusesAsTwilioDoes() throws Exception {
        assertError(create(SID + ":wrong", Map.of("To", "+4915112345678", "From", "+15005550006", "Body", "hi")),
                401, 20003);
        assertError(create(SID + ":" + TOKEN, Map.of("To", "0151 1234567", "From", "+15005550006", "Body", "hi")),
                400, 21211);
        assertError(create(SID + ":" + TOKEN, Map.of("To", "+15005550004", "From", "+15005550006", "Body", "hi")),
                400, 21610);
        assertError(create(SID + ":" + TOKEN, Map.of("To", "+4915112345678", "Body", "hi")), 400, 21603);
        assertError(create(SID + ":" + TOKEN, Map.of("To", "+4915112345678", "From", "+15005550006",
                "Body", "x".repeat(1601))), 400, 21617);
        assertThat(twilio.messages()).isEmpty();
    }

    @Test
    void countsSegmentsAsCarriersDo() {
        assertThat(SmsSegments.of("x".repeat(160))).isEqualTo(1);
        assertThat(SmsSegments.of("x".repeat(161))).isEqualTo(2);
        assertThat(SmsSegments.of("€".repeat(80))).isEqualTo(1);  // two places each in GSM-7
        assertThat(SmsSegments.of("€".repeat(81))).isEqualTo(2);
        assertThat(SmsSegments.of("ł".repeat(70))).isEqualTo(1);  // not GSM-7: UCS-2
        assertThat(SmsSegments.of("ł".repeat(71))).isEqualTo(2);
    }

    private void assertError(HttpResponse<String> response, int status, int code) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        JsonNode error = json.readTree(response.body());
        assertThat(error.get("code").asInt()).isEqualTo(code);
        assertThat(error.get("more_info").asText()).isEqualTo("https://www.twilio.com/docs/errors/" + code);
    }

    private HttpResponse<String> create(String credentials, Map<String, String> form) throws Exception {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return http.send(HttpRequest.newBuilder(URI.create(twilio.baseUrl() + "/2010-04-01/Accounts/" + SID
                                + "/Messages.json"))
                        .header("Authorization", basic(credentials))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
