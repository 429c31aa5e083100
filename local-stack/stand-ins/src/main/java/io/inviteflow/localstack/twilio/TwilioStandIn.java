package io.inviteflow.localstack.twilio;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.inviteflow.localstack.common.StandInServer;
import io.inviteflow.localstack.common.WebhookSender;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A local stand-in of Twilio's Programmable Messaging API — not Twilio. There is no internet here (and texting costs
 * money), so the tests and the demo send SMS to this server instead of {@code api.twilio.com}: WireMock serves
 * {@code POST /2010-04-01/Accounts/{sid}/Messages.json} and the fetch of a message ({@code twilio-standin/mappings}),
 * {@link TwilioMessages} keeps the messages and answers as Twilio does, and posts signed status callbacks; a phone's
 * text to the number reaches its webhook as Twilio sends it ({@link #text}).
 */
public final class TwilioStandIn extends StandInServer {

    /** A number this stand-in accepts and then reports {@code undelivered} (30003); see {@link TwilioMessages}. */
    public static final String UNREACHABLE_HANDSET = TwilioMessages.UNREACHABLE_HANDSET;

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final TwilioMessages messages;
    private final String accountSid;
    private final TwilioSignature signature;

    private TwilioStandIn(WireMockServer server, WebhookSender callbacks, TwilioMessages messages, String accountSid,
                          TwilioSignature signature) {
        super(server, callbacks);
        this.messages = messages;
        this.accountSid = accountSid;
        this.signature = signature;
    }

    /**
     * Starts on 127.0.0.1 (port 0 picks a free one) for one account: {@code accountSid} ({@code AC} and 32 hex
     * digits) with {@code authToken}, which also signs the status callbacks. {@code journal}: keep every request
     * (tests), or none (a long-running demo).
     */
    public static TwilioStandIn start(int port, String accountSid, String authToken, boolean journal) {
        TwilioSignature signature = new TwilioSignature(authToken);
        WebhookSender callbacks = new WebhookSender("twilio", null, signature);
        TwilioMessages messages = new TwilioMessages(accountSid, authToken, callbacks);
        return new TwilioStandIn(serve(port, "twilio-standin", 32, journal, messages), callbacks, messages,
                accountSid, signature);
    }

    /** What the number's webhook answered a text: its status, and the TwiML whose {@code <Message>} goes back. */
    public record Reply(int status, String twiml) {
    }

    /**
     * A phone texts the account's number {@code to}: posts to the number's "a message comes in" webhook what Twilio
     * posts — {@code MessageSid, AccountSid, From, To, Body, NumMedia} as a form, signed with
     * {@code X-Twilio-Signature} — and waits for its answer.
     */
    public Reply text(URI webhook, String from, String to, String body) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""));
        form.put("AccountSid", accountSid);
        form.put("From", from);
        form.put("To", to);
        form.put("Body", body);
        form.put("NumMedia", "0");
        String encoded = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(webhook)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Twilio-Signature", signature.sign(webhook.toString(), form))
                    .POST(HttpRequest.BodyPublishers.ofString(encoded)).build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(answer.statusCode(), answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The messages it accepted, oldest first, as a fetch would show them now. */
    public List<ObjectNode> messages() {
        return messages.accepted();
    }
}
