package io.inviteflow.batch.history;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * Ops (the console's job history, for admins): {@code GET /api/v1/jobs/executions[?job=…][&limit=…]} the newest
 * runs, {@code GET /api/v1/jobs/executions/{id}} one, {@code POST /api/v1/jobs/executions/{id}/restart} a failed one
 * again (202: it runs in the background; 409 when it may not be restarted). Unauthenticated like the rest of this
 * API: the app binds to 127.0.0.1 only (see README).
 */
@RestController
class JobHistoryController {

    private final JobHistory history;

    JobHistoryController(JobHistory history) {
        this.history = history;
    }

    @GetMapping("/api/v1/jobs/executions")
    List<JobHistory.Run> recent(@RequestParam(required = false) String job,
                                @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 500) {
            throw new IllegalArgumentException("limit: 1 to 500");
        }
        return history.recent(job, limit);
    }

    @GetMapping("/api/v1/jobs/executions/{id}")
    JobHistory.Run one(@PathVariable long id) {
        return history.find(id).orElseThrow(() -> new NoSuchElementException("no run " + id));
    }

    @PostMapping("/api/v1/jobs/executions/{id}/restart")
    @ResponseStatus(HttpStatus.ACCEPTED)
    JobHistory.Run restart(@PathVariable long id) throws Exception {
        return history.restart(id);
    }

    @ExceptionHandler(NoSuchElementException.class)
    ProblemDetail notFound(NoSuchElementException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(JobHistory.NotRestartable.class)
    ProblemDetail conflict(JobHistory.NotRestartable e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    /** Launched by someone else meanwhile (a campaign's launcher restarts its failed run every minute), or done. */
    @ExceptionHandler(org.springframework.batch.core.JobExecutionException.class)
    ProblemDetail alreadyGoing(org.springframework.batch.core.JobExecutionException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "not restarted: " + e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
