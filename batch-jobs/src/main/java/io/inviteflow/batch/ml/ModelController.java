package io.inviteflow.batch.ml;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;

/**
 * The ML team's API (the console's ML page): the theme model's versions, promotion and rollback, and retrains.
 * <ul>
 *   <li>{@code GET /api/v1/ml/themes/versions}: complete versions, newest first, with metrics and {@code current};</li>
 *   <li>{@code POST /api/v1/ml/themes/versions/{version}/promote} {@code {"by"}}: serve it (409 if it does not beat
 *   popularity);</li>
 *   <li>{@code POST /api/v1/ml/themes/rollback} {@code {"by"}}: back to the version served before (409 if none);</li>
 *   <li>{@code GET /api/v1/ml/themes/promotions}: every promotion and rollback, newest first;</li>
 *   <li>{@code POST /api/v1/ml/retrains} {@code {"requestedBy", "promoteIfBetter", "trigger"}}: 202 and the run (409 if one is
 *   running, 503 if retraining is not set up);</li>
 *   <li>{@code GET /api/v1/ml/retrains[?limit=]}, {@code GET /api/v1/ml/retrains/{id}}, {@code GET
 *   /api/v1/ml/retrains/{id}/log[?lines=]}: runs with their progress, and a run's output.</li>
 * </ul>
 * Unauthenticated like the rest of this API: the app binds to 127.0.0.1 only; the console checks who may use it.
 */
@RestController
@Validated
class ModelController {

    private final ModelRegistry registry;
    private final Retrainer retrainer;

    ModelController(ModelRegistry registry, Retrainer retrainer) {
        this.registry = registry;
        this.retrainer = retrainer;
    }

    record Actor(@NotBlank @Size(max = 320) String by) {
    }

    /** {@code trigger}: {@code console} (the default) or {@code cli}. */
    record RetrainRequest(@NotBlank @Size(max = 320) String requestedBy, boolean promoteIfBetter,
                          @Pattern(regexp = "console|cli", message = "console or cli") String trigger) {
    }

    @GetMapping("/api/v1/ml/themes/versions")
    List<ModelVersion> versions() {
        return registry.versions();
    }

    @PostMapping("/api/v1/ml/themes/versions/{version}/promote")
    ModelVersion promote(@PathVariable String version, @Valid @RequestBody Actor actor) {
        if (registry.version(version).isEmpty()) {
            throw new NoSuchElementException("no complete version " + version);
        }
        return registry.promote(version, actor.by());
    }

    @PostMapping("/api/v1/ml/themes/rollback")
    ModelVersion rollback(@Valid @RequestBody Actor actor) {
        return registry.rollback(actor.by());
    }

    @GetMapping("/api/v1/ml/themes/promotions")
    List<ModelRegistry.Promotion> promotions() {
        return registry.promotions();
    }

    @PostMapping("/api/v1/ml/retrains")
    @ResponseStatus(HttpStatus.ACCEPTED)
    TrainingRun retrain(@Valid @RequestBody RetrainRequest request) {
        return retrainer.start(request.trigger() == null ? "console" : request.trigger(), request.requestedBy(),
                request.promoteIfBetter());
    }

    @GetMapping("/api/v1/ml/retrains")
    List<TrainingRun> retrains(@RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > 200) {
            throw new IllegalArgumentException("limit: 1 to 200");
        }
        return retrainer.recent(limit);
    }

    @GetMapping("/api/v1/ml/retrains/{id}")
    TrainingRun retrain(@PathVariable UUID id) {
        return retrainer.run(id).orElseThrow(() -> new NoSuchElementException("no retrain " + id));
    }

    @GetMapping("/api/v1/ml/retrains/{id}/log")
    List<String> log(@PathVariable UUID id, @RequestParam(defaultValue = "200") int lines) {
        if (lines < 1 || lines > 5000) {
            throw new IllegalArgumentException("lines: 1 to 5000");
        }
        return retrainer.logTail(id, lines).orElseThrow(() -> new NoSuchElementException("no retrain " + id));
    }

    @ExceptionHandler(NoSuchElementException.class)
    ProblemDetail notFound(NoSuchElementException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler({ModelRegistry.Refused.class, TrainingRuns.AlreadyRunning.class})
    ProblemDetail conflict(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(Retrainer.CouldNotStart.class)
    ProblemDetail couldNotStart(Retrainer.CouldNotStart e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, e.getMessage());
    }

    @ExceptionHandler(Retrainer.NotConfigured.class)
    ProblemDetail notConfigured(Retrainer.NotConfigured e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
