package io.inviteflow.core.invitation;

import io.inviteflow.contract.Payloads.Rsvp;
import io.inviteflow.core.guestpage.GuestLocales;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The guest's invitation page: server-rendered, small, mobile-first, and usable without JavaScript (the RSVP
 * form posts back here). Every GET records an open, except the redirects back after the guest's own forms.
 */
@Controller
class GuestPageController {

    private final InvitationService invitations;
    private final GuestPages pages;
    private final OpenCountry country;

    GuestPageController(InvitationService invitations, GuestPages pages, OpenCountry country) {
        this.invitations = invitations;
        this.pages = pages;
        this.country = country;
    }

    /** The reminder channels whose links say {@code ?via=…}: the open is credited to them (anything else: null). */
    private static final java.util.Set<String> MESSAGE_CHANNELS = java.util.Set.of("email", "push");

    @GetMapping("/i/{token}")
    ResponseEntity<byte[]> show(@PathVariable String token, HttpServletRequest request,
                                @RequestHeader(value = HttpHeaders.USER_AGENT, required = false) String userAgent,
                                @RequestParam(required = false) String answered,
                                @RequestParam(required = false) String back,
                                @RequestParam(required = false) String via,
                                @RequestParam(required = false) String campaign) {
        // the redirect after one of the guest's forms shows the page again: that is not another open
        boolean reopened = answered != null || back != null;
        GuestInvitation invitation = (reopened ? invitations.find(token)
                : invitations.open(token, ClientFamily.of(userAgent), via != null && MESSAGE_CHANNELS.contains(via) ? via : null,
                        campaignOf(campaign), languageOf(request), country.of(request)))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such invitation"));
        return pages.render(HttpStatus.OK, token, invitation, request, null, null);
    }

    /** The guest's own language, or null when the page only fell back to its default. */
    private static String languageOf(HttpServletRequest request) {
        java.util.Locale chosen = GuestLocales.chosen(request);
        return chosen == null ? null : chosen.getLanguage();
    }

    /** The campaign a campaign link credits (its redirect adds it); anything but an id: none. */
    private static java.util.UUID campaignOf(String campaign) {
        try {
            return campaign == null ? null : java.util.UUID.fromString(campaign);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The form's answer; redirects back to the page (post/redirect/get), or shows the page with what to fix. */
    @PostMapping(value = "/i/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<byte[]> answer(@PathVariable String token, @RequestParam MultiValueMap<String, String> form,
                                  HttpServletRequest request) {
        GuestInvitation invitation = invitations.find(token)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such invitation"));
        try {
            Rsvp response = Rsvp.valueOf(form.getFirst("response"));
            int plusOnes = response == Rsvp.NO ? 0 : Math.max(0, Math.min(20, parseInt(form.getFirst("plusOnes"))));
            String note = form.getFirst("note");
            String storable = note == null || note.isBlank() ? null : note.replace("\u0000", "");
            invitations.answer(token, response, plusOnes,
                    storable == null ? null : storable.substring(0, Math.min(storable.length(), 1000)),
                    answers(form));
        } catch (IllegalArgumentException | NullPointerException e) {
            return pages.render(HttpStatus.UNPROCESSABLE_ENTITY, token, invitation, request,
                    pages.text(request).text("form.chooseError"), null);
        } catch (ErrorResponseException e) {
            return pages.render(HttpStatus.valueOf(e.getStatusCode().value()), token, invitation, request,
                    pages.explain(e, request), null);
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/i/" + token + "?answered#answer"))
                .build();
    }

    /** The guest's calendar entry, updated with every change the organizer makes (SEQUENCE). */
    @GetMapping("/i/{token}/calendar.ics")
    ResponseEntity<String> calendar(@PathVariable String token) {
        String ics = invitations.calendar(token)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such invitation"));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"invitation.ics\"")
                .cacheControl(CacheControl.noStore())
                .body(ics);
    }

    /** Form fields {@code q.<questionId>.<guest>}; a multi-choice question sends one field per ticked box. */
    private static List<QuestionAnswer> answers(MultiValueMap<String, String> form) {
        List<QuestionAnswer> answers = new ArrayList<>();
        for (Map.Entry<String, List<String>> field : form.entrySet()) {
            String[] parts = field.getKey().split("\\.");
            if (parts.length != 3 || !parts[0].equals("q")) {
                continue;
            }
            answers.add(new QuestionAnswer(UUID.fromString(parts[1]), parseInt(parts[2]),
                    String.join("; ", field.getValue())));
        }
        return answers;
    }

    private static int parseInt(String s) {
        return s == null || s.isBlank() ? 0 : Integer.parseInt(s.strip());
    }
}
