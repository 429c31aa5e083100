package io.inviteflow.core.invitation;

import io.inviteflow.core.event.Events;
import io.inviteflow.core.event.PartyEvent;
import io.inviteflow.core.security.AuthenticatedOrganizer;
import io.inviteflow.core.template.TemplateCatalogue;
import io.inviteflow.core.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Shows the organizer a draft invitation exactly as one guest will see it (in the organizer's browser language, or
 * {@code ?lang=}), before anything is sent or stored.
 */
@RestController
class InvitationPreviewController {

    private static final String PREVIEW_TOKEN = "preview";

    private final Events events;
    private final TemplateCatalogue templates;
    private final InvitationService invitations;
    private final GuestPages pages;

    InvitationPreviewController(Events events, TemplateCatalogue templates, InvitationService invitations,
                                GuestPages pages) {
        this.events = events;
        this.templates = templates;
        this.invitations = invitations;
        this.pages = pages;
    }

    record PreviewRequest(@NotBlank @Size(max = 200) String name, @Size(max = 2000) String message,
                          @Size(max = 80) String theme, @Min(0) @Max(20) Integer maxPlusOnes) {
    }

    @PostMapping(path = "/api/v1/events/{eventId}/invitations/preview", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> preview(AuthenticatedOrganizer organizer, @PathVariable UUID eventId,
                                   @Valid @RequestBody PreviewRequest body, HttpServletRequest request) {
        PartyEvent event = events.requireOwned(eventId, organizer.id());
        MergeFields.check("message", body.message());
        if (body.theme() != null && templates.theme(body.theme()).isEmpty()) {
            throw Problems.unprocessable("theme", "no theme '" + body.theme() + "'");
        }
        var guest = new InvitationService.Guest(body.name(), null, null, null, null, null, null, null, null);
        String message = invitations.personalisation(event).message(guest, body.message());
        var draft = new GuestInvitation(new UUID(0, 0), eventId, body.name().strip(), message, null, 0, null, 0,
                body.maxPlusOnes(), body.theme(), null, List.of());
        String html = new String(pages.render(HttpStatus.OK, PREVIEW_TOKEN, draft, request, null, null).getBody(),
                StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore()).body(html);
    }
}
