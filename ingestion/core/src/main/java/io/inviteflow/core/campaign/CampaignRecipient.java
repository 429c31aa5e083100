package io.inviteflow.core.campaign;

import io.inviteflow.core.push.PushTargets;

import java.util.List;
import java.util.UUID;

/**
 * One person a campaign reaches (one per email address, through their invitation to the latest of the segment's
 * events; a guest without an address is reached by push or text alone).
 *
 * @param link    the guest's invitation page (for {@code {link}})
 * @param variant    which version they get: {@code A} or {@code B} (B only in an A/B test)
 * @param guestPhone their number in E.164 when it was given with its country code, else null (no texts)
 * @param theme      the invitation's theme (the event's unless the guest's invitation has its own), or null
 */
public record CampaignRecipient(UUID invitationId, UUID eventId, String eventTitle, String guestName,
                                String guestEmail, String link, List<PushTargets.PushTarget> push, String variant,
                                String guestPhone, MailTheme theme) {

    CampaignRecipient withPush(List<PushTargets.PushTarget> targets) {
        return new CampaignRecipient(invitationId, eventId, eventTitle, guestName, guestEmail, link,
                List.copyOf(targets), variant, guestPhone, theme);
    }
}
