package io.inviteflow.core.invitation;

import io.inviteflow.core.event.Events;
import io.inviteflow.core.event.PartyEvent;
import io.inviteflow.core.guestpage.GuestAssets;
import io.inviteflow.core.template.EventTemplate;
import io.inviteflow.core.template.TemplateCatalogue;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What makes the invitation an installable web app: a manifest per invitation (its name is the event, it opens on
 * the guest's own page) and the service worker that keeps the last-seen invitation readable offline.
 */
@RestController
class GuestAppController {

    private static final MediaType MANIFEST = MediaType.parseMediaType("application/manifest+json");

    private final InvitationService invitations;
    private final Events events;
    private final TemplateCatalogue templates;
    private final GuestAssets assets;

    GuestAppController(InvitationService invitations, Events events, TemplateCatalogue templates,
                       GuestAssets assets) {
        this.invitations = invitations;
        this.events = events;
        this.templates = templates;
        this.assets = assets;
    }

    @GetMapping("/i/{token}/manifest.webmanifest")
    ResponseEntity<Map<String, Object>> manifest(@PathVariable String token) {
        GuestInvitation invitation = invitations.find(token)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such invitation"));
        PartyEvent event = events.find(invitation.partyEventId()).orElseThrow();
        String theme = invitation.theme() != null ? invitation.theme() : event.theme();
        EventTemplate.Colors colors = templates.theme(theme).map(EventTemplate.Theme::colors)
                .orElse(new EventTemplate.Colors("#f6f4fb", "#ffffff", "#5b3cc4", "#1d1b26"));
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("id", "/i/" + token);
        manifest.put("name", event.title());
        manifest.put("short_name", event.title().length() <= 12 ? event.title() : event.title().substring(0, 12));
        manifest.put("start_url", "/i/" + token);
        manifest.put("scope", "/i/" + token);
        manifest.put("display", "standalone");
        manifest.put("background_color", colors.background());
        manifest.put("theme_color", colors.accent());
        manifest.put("icons", List.of(
                Map.of("src", "/guest/icon-192.png", "sizes", "192x192", "type", "image/png"),
                Map.of("src", "/guest/icon-512.png", "sizes", "512x512", "type", "image/png"),
                Map.of("src", "/guest/icon.svg", "sizes", "any", "type", "image/svg+xml")));
        return ResponseEntity.ok().contentType(MANIFEST).cacheControl(CacheControl.noCache()).body(manifest);
    }

    /** Served from /i/ so that its scope covers every invitation page. */
    @GetMapping("/i/sw.js")
    ResponseEntity<byte[]> serviceWorker() {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/javascript;charset=UTF-8"))
                // browsers check for a new worker at least daily anyway; keep it short so fixes arrive
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)))
                .body(assets.serviceWorker());
    }
}
