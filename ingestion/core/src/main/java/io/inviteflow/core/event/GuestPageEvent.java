package io.inviteflow.core.event;

import java.util.List;

/** An event as its guest pages show it: the event, what guests may do, the questions they are asked. */
public record GuestPageEvent(PartyEvent event, GuestOptions options, List<Question> questions) {
}
