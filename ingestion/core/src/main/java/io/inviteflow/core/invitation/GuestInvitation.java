package io.inviteflow.core.invitation;

import io.inviteflow.contract.Payloads.Rsvp;

import java.util.UUID;

/** An invitation as its guest sees it. {@code response} is null until the guest answers. */
record GuestInvitation(UUID id, UUID partyEventId, String guestName, String message, Rsvp response, int plusOnes,
                       String note, long answerVersion) {
}
