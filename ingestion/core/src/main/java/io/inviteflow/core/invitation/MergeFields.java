package io.inviteflow.core.invitation;

import io.inviteflow.core.web.Problems;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Personalises a message: {@code {firstName}}, {@code {lastName}}, {@code {name}} (the guest), {@code {eventTitle}},
 * {@code {eventDate}} and {@code {organizerName}} are replaced by the recipient's and the event's values.
 */
final class MergeFields {

    static final Set<String> FIELDS = Set.of("firstName", "lastName", "name", "eventTitle", "eventDate",
            "organizerName");
    private static final Pattern FIELD = Pattern.compile("\\{([A-Za-z]+)}");

    private MergeFields() {
    }

    /** @throws org.springframework.web.ErrorResponseException 422 naming {@code field} for an unknown merge field */
    static void check(String field, String text) {
        if (text == null) {
            return;
        }
        Matcher m = FIELD.matcher(text);
        while (m.find()) {
            if (!FIELDS.contains(m.group(1))) {
                throw Problems.unprocessable(field, "unknown merge field {" + m.group(1) + "}; known: " + FIELDS);
            }
        }
    }

    static String render(String text, Map<String, String> values) {
        if (text == null) {
            return null;
        }
        Matcher m = FIELD.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }
}
