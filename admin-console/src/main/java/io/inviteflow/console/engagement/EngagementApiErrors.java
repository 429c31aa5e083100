package io.inviteflow.console.engagement;

import io.inviteflow.console.core.CoreClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure of the engagement API into {@code application/problem+json} (Spring's {@link ProblemDetail}).
 * Scoped to the API controller so Vaadin's own error handling is untouched.
 */
@RestControllerAdvice(assignableTypes = EngagementApiController.class)
class EngagementApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(EngagementApiErrors.class);

    static ErrorResponseException unauthorized(String detail) {
        ErrorResponseException e = new ErrorResponseException(HttpStatus.UNAUTHORIZED);
        e.getBody().setTitle("Unauthorized");
        e.getBody().setDetail(detail);
        e.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return e;
    }

    @ExceptionHandler(CoreClient.Unauthorized.class)
    ResponseEntity<Object> coreUnauthorized(CoreClient.Unauthorized e) {
        ErrorResponseException problem = unauthorized("The core rejected the bearer token (missing, invalid or expired).");
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).headers(problem.getHeaders()).body(problem.getBody());
    }

    @ExceptionHandler(CoreClient.NotFound.class)
    ResponseEntity<ProblemDetail> coreNotFound(CoreClient.NotFound e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No event with this id for the token's organizer.");
        problem.setTitle("Event not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    @ExceptionHandler(CoreClient.Unavailable.class)
    ResponseEntity<ProblemDetail> coreUnavailable(CoreClient.Unavailable e) {
        log.warn("Engagement API: {}", e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY,
                "The Inviteflow core could not be asked who may see this event.");
        problem.setTitle("Core unavailable");
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(problem);
    }

    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ProblemDetail> clickHouseUnavailable(DataAccessException e) {
        log.warn("Engagement API: ClickHouse query failed", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Engagement figures cannot be read right now.");
        problem.setTitle("Engagement store unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(problem);
    }
}
