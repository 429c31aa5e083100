package io.inviteflow.core.guestpage;

import org.springframework.web.util.HtmlUtils;

/** Escaping for the guest pages, which are UTF-8: only markup characters become entities (ä stays ä). */
public final class Html {

    private Html() {
    }

    public static String htmlEscape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
