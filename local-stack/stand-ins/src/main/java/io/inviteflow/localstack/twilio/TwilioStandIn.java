package io.inviteflow.localstack.twilio;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.inviteflow.localstack.common.StandInServer;
import io.inviteflow.localstack.common.WebhookSender;

import java.util.List;

/**
 * A local stand-in of Twilio's Programmable Messaging API — not Twilio. There is no internet here (and texting costs
 * money), so the tests and the demo send SMS to this server instead of {@code api.twilio.com}: WireMock serves
 * {@code POST /2010-04-01/Accounts/{sid}/Messages.json} and the fetch of a message ({@code twilio-standin/mappings}),
 * {@link TwilioMessages} keeps the messages and answers as Twilio does, and posts signed status callbacks.
 */
public final class TwilioStandIn extends StandInServer {

    /** A number this stand-in accepts and then reports {@code undelivered} (30003); see {@link TwilioMessages}. */
    public static final String UNREACHABLE_HANDSET = TwilioMessages.UNREACHABLE_HANDSET;

    private final TwilioMessages messages;

    private TwilioStandIn(WireMockServer server, WebhookSender callbacks, TwilioMessages messages) {
        super(server, callbacks);
        this.messages = messages;
    }

    /**
     * Starts on 127.0.0.1 (port 0 picks a free one) for one account: {@code accountSid} ({@code AC} and 32 hex
     * digits) with {@code authToken}, which also signs the status callbacks. {@code journal}: keep every request
     * (tests), or none (a long-running demo).
     */
    public static TwilioStandIn start(int port, String accountSid, String authToken, boolean journal) {
        WebhookSender callbacks = new WebhookSender("twilio", null, new TwilioSignature(authToken));
        TwilioMessages messages = new TwilioMessages(accountSid, authToken, callbacks);
        return new TwilioStandIn(serve(port, "twilio-standin", 32, journal, messages), callbacks, messages);
    }

    /** The messages it accepted, oldest first, as a fetch would show them now. */
    public List<ObjectNode> messages() {
        return messages.accepted();
    }
}
