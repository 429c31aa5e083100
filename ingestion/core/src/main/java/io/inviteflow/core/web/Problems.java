package io.inviteflow.core.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The domain's refusals, as RFC 9457 problems that {@link ApiExceptionHandler} renders. */
public final class Problems {

    private Problems() {
    }

    /** 404 — also for things that exist but belong to someone else: never reveal another organizer's ids. */
    public static ErrorResponseException notFound(String what, Object id) {
        return problem(HttpStatus.NOT_FOUND, "Not Found", "no " + what + " " + id);
    }

    /** 403: the caller is known but may not do this (a guest the organizer banned from the wall). */
    public static ErrorResponseException forbidden(String detail) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", detail);
    }

    public static ErrorResponseException conflict(String detail) {
        return problem(HttpStatus.CONFLICT, "Conflict", detail);
    }

    /** 422: well-formed input that breaks a rule of the domain; {@code field} names the culprit. */
    public static ErrorResponseException unprocessable(String field, String detail) {
        ErrorResponseException e = problem(HttpStatus.UNPROCESSABLE_ENTITY, "Unprocessable Content", detail);
        e.getBody().setProperty("field", field);
        return e;
    }

    /** 429 with {@code Retry-After}: try again in {@code retryAfter} (whole seconds, at least one). */
    public static ErrorResponseException tooManyRequests(String detail, java.time.Duration retryAfter) {
        long seconds = Math.max(1, retryAfter.toSeconds() + 1);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                detail + "; try again in " + seconds + " s");
        body.setTitle("Too Many Requests");
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.set(org.springframework.http.HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS, body, null) {
            @Override
            public org.springframework.http.HttpHeaders getHeaders() {
                return headers;
            }
        };
    }

    /**
     * Marks a refusal with a stable {@code code} and its {@code args} (problem properties), so a client can word it
     * in its user's language; the guest pages do ({@code error.<code>} in {@code i18n/guest*.properties}).
     */
    public static ErrorResponseException coded(ErrorResponseException e, String code, Object... args) {
        e.getBody().setProperty("code", code);
        e.getBody().setProperty("args", java.util.List.of(args));
        return e;
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        return new ErrorResponseException(status, body, null);
    }
}
