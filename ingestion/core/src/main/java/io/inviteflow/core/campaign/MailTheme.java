package io.inviteflow.core.campaign;

import io.inviteflow.core.template.EventTemplate;

/**
 * The colours and fonts of the invitation's theme, for a campaign mail to look like the invitation it is about.
 *
 * @param headingFont CSS font-family stack of the title; @param bodyFont of the text
 */
public record MailTheme(String background, String surface, String accent, String text, String headingFont,
                        String bodyFont) {

    static MailTheme of(EventTemplate.Theme theme) {
        return new MailTheme(theme.colors().background(), theme.colors().surface(), theme.colors().accent(),
                theme.colors().text(), theme.fonts().heading(), theme.fonts().body());
    }
}
