package io.inviteflow.core.campaign;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * The numbers campaigns text: only those written with their country code ({@code +49 151 …}), since an SMS provider
 * needs E.164 and a number without one could be of any country (the contacts import writes E.164; invitations made
 * through the API keep the number as given).
 */
final class MobileNumbers {

    /** The invitation's number as SQL writes it for comparing: {@code +} and digits only (E.164 when it had a +). */
    static final String DIGITS_SQL = "regexp_replace(i.guest_phone, '[^+0-9]', '', 'g')";

    /**
     * The SQL condition of a number a campaign can text, on {@code invitation i}: its owner said yes to texts for
     * this very number (a number changed since is asked again), and, when {@code confirmed}, confirmed it from the
     * phone.
     */
    static String textableSql(boolean confirmed) {
        return "EXISTS (SELECT 1 FROM sms_consent c WHERE c.invitation_id = i.id AND c.withdrawn_at IS NULL"
                + (confirmed ? " AND c.confirmed_at IS NOT NULL" : "") + " AND c.phone = " + DIGITS_SQL + ")";
    }

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private MobileNumbers() {
    }

    /**
     * The number in E.164 ({@code +4915112345678}), or null when it has no country code or cannot be a number. Whether
     * it reaches a mobile phone is the SMS provider's to say (it refuses landlines and unknown numbers).
     */
    static String e164(String written) {
        if (written == null || !written.strip().startsWith("+")) {
            return null;
        }
        try {
            var number = PHONES.parse(written, "ZZ");
            return PHONES.isPossibleNumber(number) ? PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164) : null;
        } catch (NumberParseException e) {
            return null;
        }
    }

    /** Whether two ways of writing a number are the same number. */
    static boolean same(String written, String e164) {
        String mine = e164(written);
        return mine != null && e164 != null && mine.equals(e164.strip());
    }
}
