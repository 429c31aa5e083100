package io.inviteflow.core.campaign;

import io.inviteflow.core.invitation.GuestAccess;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.Base64;
import java.util.Set;
import java.util.UUID;

/**
 * The two ways a campaign learns it was read: its link ({@code /i/{token}/c/{campaign}}, counted, then on to the
 * invitation page crediting the campaign) and its mail's tracking pixel ({@code …/open.gif}).
 */
@RestController
class CampaignLinkController {

    /** A transparent 1×1 GIF. */
    private static final byte[] PIXEL = Base64.getDecoder()
            .decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");
    private static final Set<String> CHANNELS = Set.of("email", "push");

    private final GuestAccess guests;
    private final CampaignTracking tracking;

    CampaignLinkController(GuestAccess guests, CampaignTracking tracking) {
        this.guests = guests;
        this.tracking = tracking;
    }

    @GetMapping("/i/{token}/c/{campaignId}")
    @Operation(summary = "A campaign's link: counts the click, then shows the invitation")
    ResponseEntity<Void> follow(@PathVariable String token, @PathVariable UUID campaignId,
                                @RequestParam(required = false) String via) {
        GuestAccess.Guest guest = guests.require(token);
        var page = UriComponentsBuilder.fromPath("/i/{token}");
        if (via != null && CHANNELS.contains(via)) {
            page.queryParam("via", via);
        }
        if (tracking.clicked(guest, campaignId)) {
            page.queryParam("campaign", campaignId);
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(page.buildAndExpand(token).toUri()).build();
    }

    /** Always the pixel (a broken image helps nobody); counted only for the campaign's own recipients. */
    @GetMapping("/i/{token}/c/{campaignId}/open.gif")
    ResponseEntity<byte[]> pixel(@PathVariable String token, @PathVariable UUID campaignId) {
        guests.guest(token).ifPresent(guest -> tracking.opened(guest, campaignId));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_GIF).cacheControl(CacheControl.noStore())
                .body(PIXEL);
    }
}
