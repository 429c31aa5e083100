package io.inviteflow.localstack.twilio;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.inviteflow.localstack.common.Bounded;
import io.inviteflow.localstack.common.FormBody;
import io.inviteflow.localstack.common.WebhookSender;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The state behind the Messages mappings, as Twilio's Programmable Messaging API documents it: HTTP Basic with the
 * account SID and auth token; a message created {@code queued} (201) with its {@code SM…} sid and
 * {@code num_segments}; then {@code sent} and {@code delivered} (or {@code undelivered}) posted in that order to its
 * {@code StatusCallback}, signed ({@link TwilioSignature}); fetched by sid. Refusals carry Twilio's error codes.
 * <p>
 * The {@code To} numbers of Twilio's test credentials give their documented errors: {@code +15005550001} invalid
 * (21211), {@code +15005550002} not reachable (21612), {@code +15005550003} no permission for the region (21408),
 * {@code +15005550004} replied STOP, unsubscribed (21610), {@code +15005550009} not a mobile number (21614). The
 * stand-in's own addition: {@code +15005550010} is accepted and then comes back {@code undelivered} with 30003
 * (unreachable handset), so receivers of the status callback can be tested.
 */
final class TwilioMessages implements ResponseTransformerV2 {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String UNREACHABLE_HANDSET = "+15005550010";
    private static final int MAX_BODY = 1600;
    private static final int KEPT = 100_000;
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
    private static final Pattern SERVICE_SID = Pattern.compile("MG[0-9a-f]{32}");
    private static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<String, TwilioError> TEST_NUMBERS = Map.of(
            "+15005550001", TwilioError.badRequest(21211, "Invalid 'To' Phone Number: +15005550001"),
            "+15005550002", TwilioError.badRequest(21612, "The 'To' phone number: +15005550002, is not currently "
                    + "reachable using the 'From' phone number via SMS."),
            "+15005550003", TwilioError.badRequest(21408, "Permission to send an SMS has not been enabled for the "
                    + "region indicated by the 'To' number: +15005550003."),
            "+15005550004", TwilioError.badRequest(21610, "Attempt to send to unsubscribed recipient"),
            "+15005550009", TwilioError.badRequest(21614, "'To' number +15005550009 is not a valid mobile number"));

    private final String accountSid;
    private final String authorization;
    private final WebhookSender callbacks;
    /** Messages by sid, the newest {@value #KEPT} (Twilio keeps them for good). */
    private final Map<String, ObjectNode> messages = Bounded.map(KEPT);

    TwilioMessages(String accountSid, String authToken, WebhookSender callbacks) {
        this.accountSid = accountSid;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
        this.callbacks = callbacks;
    }

    @Override
    public String getName() {
        return "twilio";
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public Response transform(Response response, ServeEvent event) {
        LoggedRequest request = event.getRequest();
        int status;
        String body;
        try {
            ObjectNode message = switch (event.getTransformerParameters().getString("action")) {
                case "message.create" -> create(request, (ObjectNode) JSON.readTree(response.getBodyAsString()));
                case "message.fetch" -> fetch(request);
                default -> throw new IllegalArgumentException("unknown stand-in action");
            };
            status = response.getStatus();
            body = message.toString();
        } catch (TwilioError e) {
            status = e.status;
            body = e.json();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a mapping's response body is not JSON", e);
        }
        return Response.Builder.like(response).but()
                .status(status)
                .headers(new HttpHeaders(HttpHeader.httpHeader("Content-Type", "application/json"),
                        HttpHeader.httpHeader("Twilio-Request-Id", "RQ" + hex())))
                .body(body)
                .build();
    }

    /** What was accepted so far, oldest first (the newest {@value #KEPT}). */
    List<ObjectNode> accepted() {
        synchronized (messages) {
            return messages.values().stream().map(ObjectNode::deepCopy).toList();
        }
    }

    private ObjectNode create(LoggedRequest request, ObjectNode documented) {
        authenticate(request);
        Map<String, String> form = FormBody.parse(request.getBodyAsString());
        String to = form.get("To");
        String from = form.get("From");
        String service = form.get("MessagingServiceSid");
        String text = form.getOrDefault("Body", "");
        if (to == null || to.isBlank()) {
            throw TwilioError.badRequest(21604, "A 'To' phone number is required.");
        }
        if (!E164.matcher(to).matches()) {
            throw TwilioError.badRequest(21211, "Invalid 'To' Phone Number: " + to);
        }
        if ((from == null || from.isBlank()) && service == null) {
            throw TwilioError.badRequest(21603, "A 'From' phone number is required.");
        }
        if (from != null && !E164.matcher(from).matches()) {
            throw TwilioError.badRequest(21212, "Invalid From Number (caller ID): " + from);
        }
        if (service != null && !SERVICE_SID.matcher(service).matches()) {
            throw TwilioError.badRequest(21701, "The Messaging Service Sid " + service + " is invalid.");
        }
        if (text.isBlank() && !form.containsKey("MediaUrl")) {
            throw TwilioError.badRequest(21602, "Message body is required.");
        }
        if (text.length() > MAX_BODY) {
            throw TwilioError.badRequest(21617, "The concatenated message body exceeds the 1600 character limit.");
        }
        TwilioError testNumber = TEST_NUMBERS.get(to);
        if (testNumber != null) {
            throw testNumber;
        }
        String sid = "SM" + hex();
        String now = RFC_2822.format(ZonedDateTime.now(ZoneOffset.UTC));
        String uri = "/2010-04-01/Accounts/" + accountSid + "/Messages/" + sid;
        ObjectNode message = documented.put("account_sid", accountSid).put("body", text)
                .put("from", from).put("to", to).put("messaging_service_sid", service)
                .put("num_segments", String.valueOf(SmsSegments.of(text)))
                .put("sid", sid).put("status", "queued").put("date_created", now).put("date_updated", now)
                .put("uri", uri + ".json");
        ((ObjectNode) message.path("subresource_uris")).put("media", uri + "/Media.json");
        ObjectNode reply = message.deepCopy();
        deliver(message, form.get("StatusCallback"));
        return reply;
    }

    /**
     * The carrier's part, at once: the message is {@code sent}, then {@code delivered} (or {@code undelivered}),
     * each posted to its status callback in that order.
     */
    private void deliver(ObjectNode message, String statusCallback) {
        boolean reached = !UNREACHABLE_HANDSET.equals(message.get("to").asText());
        String now = RFC_2822.format(ZonedDateTime.now(ZoneOffset.UTC));
        message.put("status", reached ? "delivered" : "undelivered").put("date_sent", now).put("date_updated", now);
        if (!reached) {
            message.put("error_code", 30003).put("error_message", "Unreachable destination handset");
        }
        messages.put(message.get("sid").asText(), message);
        if (statusCallback != null && !statusCallback.isBlank()) {
            callbacks.sendTo(URI.create(statusCallback), List.of(callback(message, "sent", null),
                    callback(message, message.get("status").asText(), reached ? null : "30003")),
                    "application/x-www-form-urlencoded");
        }
    }

    private String callback(ObjectNode message, String status, String errorCode) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AccountSid", accountSid);
        form.put("ApiVersion", "2010-04-01");
        if (errorCode != null) {
            form.put("ErrorCode", errorCode);
        }
        form.put("From", message.path("from").asText(""));
        form.put("MessageSid", message.get("sid").asText());
        form.put("MessageStatus", status);
        form.put("SmsSid", message.get("sid").asText());
        form.put("SmsStatus", status);
        form.put("To", message.get("to").asText());
        List<String> pairs = new ArrayList<>();
        form.forEach((k, v) -> pairs.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return String.join("&", pairs);
    }

    private ObjectNode fetch(LoggedRequest request) {
        authenticate(request);
        String path = request.getUrl().split("\\?")[0];
        String sid = path.substring(path.lastIndexOf('/') + 1, path.length() - ".json".length());
        ObjectNode message = messages.get(sid);
        if (message == null) {
            throw new TwilioError(404, 20404, "The requested resource " + path + " was not found");
        }
        return message.deepCopy();
    }

    /** Basic with this account's SID and auth token, and the account in the path being that one. */
    private void authenticate(LoggedRequest request) {
        if (!authorization.equals(request.getHeader("Authorization"))) {
            throw new TwilioError(401, 20003, "Authenticate");
        }
        if (!request.getUrl().startsWith("/2010-04-01/Accounts/" + accountSid + "/")) {
            throw new TwilioError(404, 20404, "The requested resource " + request.getUrl() + " was not found");
        }
    }

    private static String hex() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
