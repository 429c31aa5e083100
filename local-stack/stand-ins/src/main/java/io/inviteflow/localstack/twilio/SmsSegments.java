package io.inviteflow.localstack.twilio;

/**
 * How many SMS a text takes, as carriers count: GSM-7 (the basic alphabet; its extension characters such as
 * {@code € [ ] { }} take two places) fits 160 in one message and 153 per part of a longer one; any other character
 * makes the whole text UCS-2: 70 in one, 67 per part. Twilio bills and reports {@code num_segments} this way.
 */
final class SmsSegments {

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "\f^{}\\[~]|€";

    private SmsSegments() {
    }

    static int of(String text) {
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (BASIC.indexOf(c) >= 0) {
                septets++;
            } else if (EXTENSION.indexOf(c) >= 0) {
                septets += 2;
            } else {
                int units = text.length(); // UCS-2 counts UTF-16 code units
                return units <= 70 ? 1 : (units + 66) / 67;
            }
        }
        return septets <= 160 ? 1 : (septets + 152) / 153;
    }
}
