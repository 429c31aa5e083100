package io.inviteflow.core.privacy;

import io.inviteflow.core.web.Problems;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Whom a request about personal data is about: an email address (as guests, buyers, ticket holders and contacts
 * have it, in lower case), the mobile number (E.164) of someone known by a number alone, or — a guest without an
 * address asking from their own invitation — that one invitation.
 */
record Person(String email, String phone, UUID invitation) {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    /** @throws org.springframework.web.ErrorResponseException 422 unless exactly one of them is given and valid */
    static Person of(String email, String phone) {
        boolean hasEmail = email != null && !email.isBlank();
        boolean hasPhone = phone != null && !phone.isBlank();
        if (hasEmail == hasPhone) {
            throw Problems.unprocessable("email", "give either an email address or a mobile number");
        }
        if (hasEmail) {
            String normalized = email.trim().toLowerCase(Locale.ROOT);
            if (normalized.length() > 254 || normalized.indexOf('@') < 1 || normalized.endsWith("@")) {
                throw Problems.unprocessable("email", "not an email address");
            }
            return new Person(normalized, null, null);
        }
        String digits = phone.replaceAll("[\\s().-]", "");
        if (!E164.matcher(digits).matches()) {
            throw Problems.unprocessable("phone", "a mobile number in international form, e.g. +491701234567");
        }
        return new Person(null, digits, null);
    }

    /** The guest of this invitation alone: their link proves nothing about any address. */
    static Person ofInvitation(UUID invitation) {
        return new Person(null, null, invitation);
    }

    /** What the audit trail hashes. */
    String subject() {
        return email != null ? "email:" + email : phone != null ? "phone:" + phone : "invitation:" + invitation;
    }
}
