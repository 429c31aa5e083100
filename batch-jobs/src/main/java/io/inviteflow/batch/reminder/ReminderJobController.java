package io.inviteflow.batch.reminder;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobExecutionException;
import org.springframework.batch.core.JobParametersInvalidException;
import org.springframework.batch.core.repository.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.repository.JobInstanceAlreadyCompleteException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Ops and demo: {@code POST /api/v1/jobs/reminders/run[?eventId=…][&runAt=…]} runs the unanswered-invitation
 * reminders now and answers when the run has finished. {@code runAt} defaults to now (truncated to the minute, like a
 * scheduled run); the same {@code runAt} again restarts a failed run and is refused (409) for a completed one.
 * <p>
 * Unauthenticated: the app binds to 127.0.0.1 only (see README).
 */
@RestController
class ReminderJobController {

    private final ReminderRuns runs;
    private final Clock clock = Clock.systemUTC();

    ReminderJobController(ReminderRuns runs) {
        this.runs = runs;
    }

    record RunResponse(long jobExecutionId, long jobInstanceId, BatchStatus status, String exitCode,
                       String exitDescription, String runAt, UUID eventId) {
    }

    /** 200 with the run when it completed; a run that failed is a 500 problem carrying the same fields. */
    @PostMapping("/api/v1/jobs/reminders/run")
    ResponseEntity<?> run(@RequestParam(required = false) UUID eventId,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                          Instant runAt) throws JobExecutionException {
        var run = ReminderRun.unanswered(runAt == null ? clock.instant() : runAt, eventId);
        JobExecution execution = runs.launch(run);
        var response = new RunResponse(execution.getId(), execution.getJobInstance().getInstanceId(),
                execution.getStatus(), execution.getExitStatus().getExitCode(),
                execution.getExitStatus().getExitDescription(), run.runAt().toString(), eventId);
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            return ResponseEntity.ok(response);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "the reminder run ended " + execution.getStatus() + "; restart it with the same runAt");
        problem.setProperty("run", response);
        return ResponseEntity.internalServerError().body(problem);
    }

    @ExceptionHandler({JobInstanceAlreadyCompleteException.class, JobExecutionAlreadyRunningException.class})
    ProblemDetail conflict(JobExecutionException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(JobParametersInvalidException.class)
    ProblemDetail invalid(JobParametersInvalidException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
