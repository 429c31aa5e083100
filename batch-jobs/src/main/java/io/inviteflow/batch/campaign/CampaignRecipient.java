package io.inviteflow.batch.campaign;

import io.inviteflow.batch.push.PushTarget;

import java.util.List;
import java.util.UUID;

/**
 * One person a campaign reaches, as the core's {@code /api/v1/internal/campaigns/{id}/recipients} lists them.
 *
 * @param variant    the version they get: {@code A}, or {@code B} in an A/B test
 * @param guestPhone their mobile number in E.164, or null (none, or written without a country code)
 * @param theme      the invitation's colours and fonts, or null (a neutral look)
 */
public record CampaignRecipient(UUID invitationId, UUID eventId, String eventTitle, String guestName,
                                String guestEmail, String link, List<PushTarget> push, String variant,
                                String guestPhone, MailTheme theme) {

    public CampaignRecipient {
        push = push == null ? List.of() : List.copyOf(push);
    }
}
