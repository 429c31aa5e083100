package io.inviteflow.core.security;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * The two forms a guest's number is compared in: as written, reduced to {@code +} and digits (what a consent was
 * given for, what a person asking for their data types), and E.164 (what an SMS provider texts and reports a text's
 * sender in), known only for a number written with its country code.
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /** The number as written, reduced to {@code +} and digits; null for null or a number without digits. */
    public static String plusAndDigits(String written) {
        if (written == null) {
            return null;
        }
        String reduced = written.replaceAll("[^+0-9]", "");
        return reduced.chars().anyMatch(Character::isDigit) ? reduced : null;
    }

    /**
     * The number in E.164 ({@code +4915112345678}), or null when it has no country code or cannot be a number. Whether
     * it reaches a mobile phone is the SMS provider's to say (it refuses landlines and unknown numbers).
     */
    public static String e164(String written) {
        if (written == null || !written.strip().startsWith("+")) {
            return null;
        }
        try {
            var number = PHONES.parse(written, "ZZ");
            return PHONES.isPossibleNumber(number) ? PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164)
                    : null;
        } catch (NumberParseException e) {
            return null;
        }
    }
}
