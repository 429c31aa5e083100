package io.inviteflow.batch.sms;

/**
 * The SMS adapter: hands a text to a provider. Texting is a paid service, so the provider is one behind this
 * interface ({@link TwilioSmsSender}; the local stack and the tests run it against a stand-in of Twilio's API).
 */
public interface SmsSender {

    enum Result {
        /** The provider took it; its delivery is reported later to the core's status hook. */
        ACCEPTED,
        /** The provider refused it for good (not a mobile number, the person replied STOP): never retried. */
        REFUSED,
        /** Not taken now (provider down, throttled): a later run may try again. */
        FAILED,
        /** The request left but its answer did not come: perhaps taken, so never sent again. */
        IN_DOUBT
    }

    /** @param detail the provider's message id when accepted, its reason otherwise */
    record Outcome(Result result, String detail) {
    }

    Outcome send(SmsMessage message);

    /** False when no provider is configured: campaigns then leave their SMS channel unsent (and say so in the log). */
    boolean configured();
}
