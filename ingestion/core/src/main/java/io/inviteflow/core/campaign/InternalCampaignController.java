package io.inviteflow.core.campaign;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Service-to-service API for batch-jobs' campaign sender. */
@RestController
class InternalCampaignController {

    private static final UUID BEFORE_ALL = new UUID(0, 0);
    private final CampaignSends sends;
    private final CampaignTracking tracking;

    InternalCampaignController(CampaignSends sends, CampaignTracking tracking) {
        this.sends = sends;
        this.tracking = tracking;
    }

    @GetMapping("/api/v1/internal/due-campaigns")
    List<CampaignSends.Due> due(@RequestParam Instant at) {
        return sends.due(at);
    }

    @GetMapping("/api/v1/internal/campaigns/{id}")
    CampaignSends.Due one(@PathVariable UUID id) {
        return sends.one(id).orElseThrow(() -> io.inviteflow.core.web.Problems.notFound("campaign", id));
    }

    record Page(List<CampaignRecipient> items, UUID next) {
    }

    @GetMapping("/api/v1/internal/campaigns/{id}/recipients")
    Page recipients(@PathVariable UUID id, @RequestParam(required = false) UUID after,
                    @RequestParam(defaultValue = "500") @Min(1) @Max(1000) int limit,
                    @RequestParam(defaultValue = "0") @Min(0) int wave) {
        List<CampaignRecipient> items = sends.recipients(id, after == null ? BEFORE_ALL : after, limit, wave);
        return new Page(items, items.size() < limit ? null : items.get(items.size() - 1).invitationId());
    }

    record Delivered(@Size(max = 1000) List<UUID> invitationIds) {
    }

    /** The sender handed these recipients' messages over (after each chunk). */
    @PostMapping("/api/v1/internal/campaigns/{id}/delivered")
    Map<String, Integer> delivered(@PathVariable UUID id,
                                   @RequestBody @Valid Delivered delivered) {
        return Map.of("marked", tracking.delivered(id, delivered.invitationIds() == null ? List.of()
                : delivered.invitationIds()));
    }

    /**
     * @param round the round the sender ran (a campaign resumed meanwhile is not sent yet)
     * @param wave  the wave it ran, for a campaign in its recipients' own time
     */
    @PostMapping("/api/v1/internal/campaigns/{id}/sent")
    Map<String, Boolean> sent(@PathVariable UUID id, @RequestParam int round,
                              @RequestParam(defaultValue = "0") @Min(0) int wave) {
        return Map.of("marked", sends.sent(id, round, wave));
    }
}
