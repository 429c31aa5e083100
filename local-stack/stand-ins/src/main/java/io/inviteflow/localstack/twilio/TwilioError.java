package io.inviteflow.localstack.twilio;

/**
 * A refusal in the shape Twilio's REST API documents: HTTP status and {@code {code, message, more_info, status}},
 * with the error code of Twilio's error dictionary.
 */
final class TwilioError extends RuntimeException {

    final int status;
    final int code;

    TwilioError(int status, int code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static TwilioError badRequest(int code, String message) {
        return new TwilioError(400, code, message);
    }

    String json() {
        return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                .put("code", code)
                .put("message", getMessage())
                .put("more_info", "https://www.twilio.com/docs/errors/" + code)
                .put("status", status)
                .toString();
    }
}
