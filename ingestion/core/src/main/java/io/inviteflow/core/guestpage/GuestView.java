package io.inviteflow.core.guestpage;

import io.inviteflow.core.event.GuestOptions;
import io.inviteflow.core.event.PartyEvent;

import java.util.UUID;

/**
 * What a section of the guest page may use.
 *
 * @param token        the guest's invitation token (the key to every guest endpoint)
 * @param invitationId the guest's invitation
 * @param guestName    as the organizer wrote it
 * @param notice       a message for one section after a form of it was sent, or null
 */
public record GuestView(String token, UUID invitationId, String guestName, PartyEvent event, GuestOptions options,
                        GuestText text, SectionNotice notice) {

    /** @param section the section's id (its HTML id); @param message already worded for the guest */
    public record SectionNotice(String section, String message, boolean error) {

        /** The notice as its section shows it: an alert, or a status line. */
        public String html() {
            return "<p class=\"" + (error ? "alert" : "ok") + "\" role=\"" + (error ? "alert" : "status") + "\">"
                    + Html.htmlEscape(message) + "</p>";
        }
    }

    /** The notice's message when it is meant for {@code section}, else null. */
    public SectionNotice noticeFor(String section) {
        return notice != null && notice.section().equals(section) ? notice : null;
    }
}
