package io.inviteflow.core.contact.imports;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.io.ParseWarning;
import ezvcard.parameter.VCardParameter;
import ezvcard.property.Email;
import ezvcard.property.RawProperty;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import ezvcard.property.Url;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * vCard 2.1, 3.0 and 4.0 files (ez-vcard). The file is cut into cards first, so each card is parsed on its own: a
 * broken card is reported with its line and the others still import.
 */
final class VCardContacts {

    private VCardContacts() {
    }

    static boolean looksLikeVCard(String text) {
        return text.stripLeading().regionMatches(true, 0, "BEGIN:VCARD", 0, "BEGIN:VCARD".length());
    }

    static ParsedContacts read(String text, PointNormalizer normalizer) {
        var out = new ParsedContactsCollector();
        for (Chunk chunk : chunks(text, out)) {
            List<List<ParseWarning>> parseWarnings = new ArrayList<>();
            List<VCard> cards;
            try {
                cards = Ezvcard.parse(chunk.text()).warnings(parseWarnings).all();
            } catch (RuntimeException e) {
                out.reject(chunk.line(), "card could not be read: " + e.getMessage());
                continue;
            }
            if (cards.isEmpty()) {
                out.reject(chunk.line(), "card could not be read");
                continue;
            }
            out.add(card(chunk.line(), cards.get(0), normalizer));
            parseWarnings.stream().flatMap(List::stream)
                    .filter(w -> w.getPropertyName() != null && isContactProperty(w.getPropertyName()))
                    .forEach(w -> out.warn(chunk.line() + (w.getLineNumber() == null ? 0 : w.getLineNumber() - 1),
                            w.getMessage()));
        }
        return out.done("vcard");
    }

    private static CardBuilder.Result card(int line, VCard vcard, PointNormalizer normalizer) {
        var card = new CardBuilder(line, normalizer);
        if (vcard.getFormattedName() != null) {
            card.displayName(vcard.getFormattedName().getValue());
        }
        StructuredName name = vcard.getStructuredName();
        if (name != null) {
            card.firstName(name.getGiven()).lastName(name.getFamily());
        }
        if (vcard.getOrganization() != null && !vcard.getOrganization().getValues().isEmpty()) {
            card.organization(vcard.getOrganization().getValues().get(0));
        }
        for (Email email : vcard.getEmails()) {
            card.email(email.getValue(), labels(email.getTypes()));
        }
        for (Telephone phone : vcard.getTelephoneNumbers()) {
            String number = phone.getText() != null ? phone.getText()
                    : phone.getUri() != null ? phone.getUri().getNumber() : null;
            card.phone(number, labels(phone.getTypes()));
        }
        for (Url url : vcard.getUrls()) {
            SocialProfiles.kindOf(url.getValue()).ifPresent(kind -> card.profile(kind, url.getValue()));
        }
        for (RawProperty profile : vcard.getExtendedProperties("X-SOCIALPROFILE")) {
            SocialProfiles.kindOf(profile.getValue()).ifPresent(kind -> card.profile(kind, profile.getValue()));
        }
        return card.build();
    }

    private static String labels(List<? extends VCardParameter> types) {
        String joined = types.stream().map(VCardParameter::getValue)
                .filter(t -> !t.equalsIgnoreCase("pref") && !t.equalsIgnoreCase("internet")
                        && !t.equalsIgnoreCase("voice"))
                .map(t -> t.toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(","));
        return joined.isEmpty() ? null : joined;
    }

    private static boolean isContactProperty(String property) {
        return switch (property.toUpperCase(Locale.ROOT)) {
            case "FN", "N", "EMAIL", "TEL", "ORG" -> true;
            default -> false;
        };
    }

    private record Chunk(int line, String text) {
    }

    /** Cuts the file at BEGIN:VCARD / END:VCARD (nested AGENT cards of vCard 2.1 stay inside their parent). */
    private static List<Chunk> chunks(String text, ParsedContactsCollector out) {
        List<Chunk> chunks = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        int depth = 0;
        int start = 0;
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String upper = line.strip().toUpperCase(Locale.ROOT);
            boolean begin = upper.startsWith("BEGIN:VCARD") || upper.startsWith("AGENT:BEGIN:VCARD");
            if (depth == 0 && !upper.startsWith("BEGIN:VCARD")) {
                if (!line.isBlank()) {
                    out.reject(i + 1, "text outside BEGIN:VCARD … END:VCARD");
                }
                continue;
            }
            if (depth == 0) {
                start = i + 1;
                current.setLength(0);
            }
            if (begin) {
                depth++;
            }
            current.append(line).append("\r\n");
            if (upper.startsWith("END:VCARD")) {
                depth--;
                if (depth == 0) {
                    chunks.add(new Chunk(start, current.toString()));
                }
            }
        }
        if (depth > 0) {
            out.reject(start, "card has no END:VCARD");
        }
        return chunks;
    }
}
