package io.inviteflow.batch.campaign;

import java.util.regex.Pattern;

/**
 * The invitation's theme as a campaign mail wears it (the core sends it with each recipient): page and card colours,
 * the accent of its links, the text colour and the fonts. Mail clients keep inline styles only, so each goes into
 * the HTML's {@code style} attributes; a value that is not a plain colour or font list is replaced by the neutral one.
 */
public record MailTheme(String background, String surface, String accent, String text, String headingFont,
                        String bodyFont) {

    /** What a mail without a theme looks like. */
    public static final MailTheme NEUTRAL = new MailTheme("#f4f4f5", "#ffffff", "#2563eb", "#1f2937",
            "Georgia, serif", "-apple-system, 'Segoe UI', Roboto, sans-serif");

    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{3,8}");
    private static final Pattern FONTS = Pattern.compile("[\\w\\s,'\"-]{1,200}");

    /** Each value checked, the neutral one where it is missing or not what it should be. */
    public MailTheme safe() {
        return new MailTheme(colour(background, NEUTRAL.background), colour(surface, NEUTRAL.surface),
                colour(accent, NEUTRAL.accent), colour(text, NEUTRAL.text), fonts(headingFont, NEUTRAL.headingFont),
                fonts(bodyFont, NEUTRAL.bodyFont));
    }

    private static String colour(String value, String otherwise) {
        return value != null && COLOUR.matcher(value).matches() ? value : otherwise;
    }

    private static String fonts(String value, String otherwise) {
        return value != null && FONTS.matcher(value).matches() ? value.replace('"', '\'') : otherwise;
    }
}
