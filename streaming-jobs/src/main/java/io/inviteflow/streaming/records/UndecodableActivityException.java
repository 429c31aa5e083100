package io.inviteflow.streaming.records;

/** Bytes on the activity topic that this job skips; {@link #reason()} says which counter they go to. */
public final class UndecodableActivityException extends Exception {

    /** Why a message is skipped. */
    public enum Reason {
        /** not JSON, a required field missing, or a payload that does not fit its type */
        MALFORMED,
        /** a well-formed envelope whose {@code type} this job does not know (newer producer) */
        UNKNOWN_TYPE
    }

    private final Reason reason;

    public UndecodableActivityException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
