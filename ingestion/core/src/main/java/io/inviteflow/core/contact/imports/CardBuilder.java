package io.inviteflow.core.contact.imports;

import io.inviteflow.core.contact.ContactPoint;
import io.inviteflow.core.contact.PointKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Collects one person's fields from any format and turns them into a {@link ContactCard}, or a reason to reject it.
 * Every reader goes through here, so the rules (lengths, control characters, what counts as a name) are the same for
 * vCards, CSV rows and social exports.
 */
final class CardBuilder {

    static final int MAX_FIELD_LENGTH = 500;

    private final int line;
    private final PointNormalizer normalizer;
    private final Map<String, ContactPoint> points = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private final List<String> caveats = new ArrayList<>();
    private String displayName;
    private String firstName;
    private String lastName;
    private String organization;

    CardBuilder(int line, PointNormalizer normalizer) {
        this.line = line;
        this.normalizer = normalizer;
    }

    CardBuilder displayName(String value) {
        displayName = field("name", value, displayName);
        return this;
    }

    CardBuilder firstName(String value) {
        firstName = field("first name", value, firstName);
        return this;
    }

    CardBuilder lastName(String value) {
        lastName = field("last name", value, lastName);
        return this;
    }

    CardBuilder organization(String value) {
        organization = field("organization", value, organization);
        return this;
    }

    CardBuilder email(String raw, String label) {
        String value = field("email", raw, null);
        if (value != null) {
            add(normalizer.email(value, lowerOrNull(label)), "email '%s' is not an address; kept but not used");
        }
        return this;
    }

    CardBuilder phone(String raw, String label) {
        String value = field("phone", raw, null);
        if (value != null) {
            add(normalizer.phone(value, lowerOrNull(label)),
                    "phone '%s' is not a complete number; kept as written but not used");
        }
        return this;
    }

    CardBuilder profile(PointKind kind, String raw) {
        String value = field(kind.name().toLowerCase(Locale.ROOT), raw, null);
        if (value != null) {
            add(normalizer.profile(kind, value), "profile '%s' is empty");
        }
        return this;
    }

    /** The card, or the reason it cannot be imported; caveats go to {@code warnings}. */
    Result build() {
        if (!problems.isEmpty()) {
            return Result.rejected(new ImportIssue(line, String.join("; ", problems)));
        }
        String name = displayName;
        if (name == null && (firstName != null || lastName != null)) {
            name = String.join(" ", nonNull(firstName, lastName));
        }
        boolean nameFromPoint = false;
        if (name == null && organization != null) {
            name = organization;
        }
        if (name == null) {
            Optional<ContactPoint> first = points.values().stream().findFirst();
            if (first.isEmpty()) {
                return Result.rejected(new ImportIssue(line, "no name, email, phone or profile"));
            }
            name = first.get().value();
            nameFromPoint = true;
        }
        var card = new ContactCard(line, name, nameFromPoint, firstName, lastName, organization,
                List.copyOf(points.values()));
        List<ImportIssue> warnings = caveats.stream().map(c -> new ImportIssue(line, c)).toList();
        return new Result(card, null, warnings);
    }

    record Result(ContactCard card, ImportIssue rejection, List<ImportIssue> warnings) {
        static Result rejected(ImportIssue issue) {
            return new Result(null, issue, List.of());
        }
    }

    private void add(ContactPoint point, String caveat) {
        if (!point.usable()) {
            caveats.add(caveat.formatted(point.value()));
        }
        points.putIfAbsent(point.key(), point);
    }

    /** Trims, drops control characters (PostgreSQL text cannot hold NUL), and refuses values no person has. */
    private String field(String what, String raw, String current) {
        if (raw == null) {
            return current;
        }
        String value = clean(raw);
        if (value.isEmpty()) {
            return current;
        }
        if (value.length() > MAX_FIELD_LENGTH) {
            problems.add(what + " is longer than " + MAX_FIELD_LENGTH + " characters");
            return current;
        }
        return current == null ? value : current;
    }

    /**
     * Control characters dropped, runs of white space made one space, trimmed. Written as a loop: this runs for every
     * field of every row of a 100,000-contact import.
     */
    static String clean(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        boolean space = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
            } else if (!Character.isISOControl(c)) {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String lowerOrNull(String label) {
        return label == null || label.isBlank() ? null : label.strip().toLowerCase(Locale.ROOT);
    }

    private static List<String> nonNull(String... parts) {
        List<String> out = new ArrayList<>();
        for (String p : parts) {
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }
}
