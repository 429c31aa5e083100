package io.inviteflow.core.payment;

/**
 * The gateway could not be reached or refused a call for a reason that is not the buyer's (a wrong key, a bad state).
 * Nothing was changed on our side; the caller may retry with the same idempotency key.
 */
public class GatewayException extends RuntimeException {

    private final String gateway;
    private final String code;

    public GatewayException(String gateway, String code, String message, Throwable cause) {
        super(message, cause);
        this.gateway = gateway;
        this.code = code;
    }

    public String gateway() {
        return gateway;
    }

    /** The provider's error code, or null when it did not answer. */
    public String code() {
        return code;
    }
}
