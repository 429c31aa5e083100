package io.inviteflow.batch.sms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends SMS through Twilio's Messaging API: {@code POST /2010-04-01/Accounts/{sid}/Messages.json} (form: To, From or
 * MessagingServiceSid, Body, StatusCallback), HTTP Basic with the account SID and auth token. The status callback
 * carries the message's ledger key in its query, so the core's hook knows which delivery Twilio reports on.
 * <p>
 * Plain HTTP rather than Twilio's Java library: that library always calls {@code api.twilio.com} (no base URL
 * setting), and one form POST is all that is needed. Twilio's refusals about the recipient are for good (21610: the
 * person replied STOP; 21211/21614: not a valid mobile number); 429, 5xx and an unreachable Twilio are worth another
 * try later; any other refusal is about our account or configuration and stops the run (an exception) rather than
 * marking every recipient refused. A request whose answer was lost may have been taken: in doubt, never resent.
 */
@Component
@EnableConfigurationProperties(SmsProperties.class)
public class TwilioSmsSender implements SmsSender {

    private final SmsProperties properties;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    TwilioSmsSender(SmsProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
    }

    @Override
    public boolean configured() {
        return properties.accountSid() != null && !properties.accountSid().isBlank();
    }

    @Override
    public Outcome send(SmsMessage message) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", message.to());
        if (blank(properties.messagingServiceSid())) {
            form.put("From", properties.from());
        } else {
            form.put("MessagingServiceSid", properties.messagingServiceSid());
        }
        form.put("Body", message.body());
        if (properties.statusCallback() != null && !properties.statusCallback().toString().isBlank()) {
            form.put("StatusCallback", properties.statusCallback() + "?key="
                    + URLEncoder.encode(message.ledger().idempotencyKey(), StandardCharsets.UTF_8));
        }
        HttpRequest request = HttpRequest.newBuilder(messagesUrl())
                .timeout(properties.timeout())
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (properties.accountSid() + ":" + properties.authToken()).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.net.ConnectException | java.net.http.HttpConnectTimeoutException e) {
            return new Outcome(Result.FAILED, "Twilio not reached: " + e);
        } catch (IOException e) {
            // the request may have been taken before the answer was lost: perhaps sent, so never sent again
            return new Outcome(Result.IN_DOUBT, "no answer from Twilio: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(Result.IN_DOUBT, "interrupted while Twilio had the request");
        }
        JsonNode body = parse(response.body());
        int status = response.statusCode();
        if (status == 201 || status == 200) {
            return new Outcome(Result.ACCEPTED, body.path("sid").asText());
        }
        String code = body.path("code").asText("");
        String reason = "Twilio " + status + " " + code + ": " + body.path("message").asText(response.body());
        if (status == 429 || status >= 500) {
            return new Outcome(Result.FAILED, reason);
        }
        if (status == 401 || status == 403 || status == 404 || ABOUT_OUR_ACCOUNT.contains(code)) {
            // our account or configuration (credentials, sender number): every text would be refused alike
            throw new IllegalStateException("Twilio refused the request, check inviteflow.sms.*: " + reason);
        }
        return new Outcome(Result.REFUSED, reason); // about this recipient (21211, 21610, 21614, …): for good
    }

    /**
     * Twilio's errors about our account or settings rather than the recipient: wrong credentials (20003), no such
     * account (20404), no or a bad sender (21603, 21212, 21606, 21659), a bad Messaging Service (21701).
     */
    private static final java.util.Set<String> ABOUT_OUR_ACCOUNT = java.util.Set.of("20003", "20404", "21603",
            "21212", "21606", "21659", "21701");

    private URI messagesUrl() {
        return URI.create(properties.baseUrl().toString().replaceAll("/+$", "") + "/2010-04-01/Accounts/"
                + properties.accountSid() + "/Messages.json");
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private static String encode(Map<String, String> form) {
        List<String> pairs = new ArrayList<>();
        form.forEach((k, v) -> pairs.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v == null ? "" : v, StandardCharsets.UTF_8)));
        return String.join("&", pairs);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
