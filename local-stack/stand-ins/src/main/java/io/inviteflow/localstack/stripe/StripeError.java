package io.inviteflow.localstack.stripe;

/** A refusal in the shape Stripe documents: HTTP status and {@code {"error": {type, code, message, param}}}. */
final class StripeError extends RuntimeException {

    final int status;
    final String type;
    final String code;
    final String param;
    final Object paymentIntent;

    StripeError(int status, String type, String code, String message, String param, Object paymentIntent) {
        super(message);
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
        this.paymentIntent = paymentIntent;
    }

    static StripeError invalid(String code, String message, String param) {
        return new StripeError(400, "invalid_request_error", code, message, param, null);
    }

    static StripeError missing(String object, String id, String param) {
        return new StripeError(404, "invalid_request_error", "resource_missing",
                "No such " + object + ": '" + id + "'", param, null);
    }
}
