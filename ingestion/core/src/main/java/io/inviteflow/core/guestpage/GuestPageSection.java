package io.inviteflow.core.guestpage;

/**
 * A part of the guest's invitation page contributed by another feature (sharing, the wall, the chat, push). The
 * invitation page knows none of them: it renders whatever sections exist, in {@link #order()}.
 */
public interface GuestPageSection {

    /** Lower comes first. */
    int order();

    /** The section's HTML, or an empty string when it has nothing to show this guest. */
    String render(GuestView view);
}
