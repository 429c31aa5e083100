package io.inviteflow.core.security;

import java.util.regex.Pattern;

/**
 * Keeps personal data out of what leaves PostgreSQL for Kafka and ClickHouse, where it could not be erased: free text
 * from outside (a mail relay's diagnostic, which names the address it refused) loses its addresses and phone numbers.
 */
public final class PersonalData {

    private static final Pattern EMAIL = Pattern.compile("[\\p{L}0-9._%+'-]+@[\\p{L}0-9.-]+\\.[\\p{L}]{2,}");
    /** Seven digits or more, possibly with a leading + and spaces, dots, dashes or brackets between them. */
    private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d ().-]{5,}\\d");

    private PersonalData() {
    }

    /** The text with every address replaced by {@code <address>} and every phone number by {@code <number>}. */
    public static String scrub(String text) {
        if (text == null) {
            return null;
        }
        String withoutAddresses = EMAIL.matcher(text).replaceAll("<address>");
        return PHONE.matcher(withoutAddresses).replaceAll(match ->
                match.group().replaceAll("\\D", "").length() >= 7 ? "<number>" : match.group());
    }
}
