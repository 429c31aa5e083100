package io.inviteflow.core.privacy;

import io.inviteflow.core.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** What batch-jobs' retention job calls: erase the next chunk of guests' data of events started before a moment. */
@RestController
class InternalRetentionController {

    /** The shortest retention the core accepts, in days. */
    static final int SHORTEST = 30;
    private final GuestDataRetention retention;

    InternalRetentionController(GuestDataRetention retention) {
        this.retention = retention;
    }

    record ChunkRequest(@NotNull Instant startedBefore, @Min(1) @Max(5000) int limit) {
    }

    @PostMapping("/api/v1/internal/retention/erasures")
    @Operation(summary = "Erases the next chunk of guests' personal data of events started before `startedBefore`; "
            + "an empty answer means nothing is left")
    GuestDataRetention.Chunk eraseChunk(@Valid @RequestBody ChunkRequest request) {
        // a mistaken cutoff (a clock, a unit) must not erase the guests of events still coming or just past
        if (request.startedBefore().isAfter(Instant.now().minus(SHORTEST, ChronoUnit.DAYS))) {
            throw Problems.unprocessable("startedBefore", "guests' data is kept at least " + SHORTEST
                    + " days after their event");
        }
        return retention.eraseChunk(request.startedBefore(), request.limit());
    }
}
