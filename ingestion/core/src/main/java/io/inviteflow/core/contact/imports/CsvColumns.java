package io.inviteflow.core.contact.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What each column of a contacts CSV holds, read from its header. One set of rules covers the exports people
 * actually have: Google Contacts ({@code First Name}, {@code E-mail 1 - Value}, {@code Phone 1 - Value}…), Outlook
 * ({@code E-mail Address}, {@code Mobile Phone}, {@code Business Phone}…), LinkedIn {@code Connections.csv}
 * ({@code First Name, Last Name, URL, Email Address, Company, Position, Connected On}) and plain
 * {@code name,email,phone} sheets.
 */
final class CsvColumns {

    enum Role { FULL_NAME, FIRST_NAME, LAST_NAME, ORGANIZATION, EMAIL, PHONE, PROFILE_URL, IGNORED }

    record Column(int index, Role role, String label) {
    }

    private final List<Column> columns;
    private final String format;

    private CsvColumns(List<Column> columns, String format) {
        this.columns = columns;
        this.format = format;
    }

    List<Column> columns() {
        return columns;
    }

    /** {@code google-csv}, {@code outlook-csv}, {@code linkedin-csv} or {@code csv}. */
    String format() {
        return format;
    }

    /** True when the header names at least one column that identifies a person. */
    boolean identifiesPeople() {
        return columns.stream().anyMatch(c -> c.role() != Role.IGNORED && c.role() != Role.ORGANIZATION);
    }

    static CsvColumns of(List<String> header) {
        List<Column> columns = new ArrayList<>();
        boolean google = false;
        boolean outlook = false;
        boolean linkedin = false;
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase(Locale.ROOT);
            google |= name.matches("(e-mail|phone) \\d+ - value");
            outlook |= name.equals("e-mail address");
            linkedin |= name.equals("connected on");
            columns.add(new Column(i, role(name), label(name)));
        }
        String format = linkedin ? "linkedin-csv" : google ? "google-csv" : outlook ? "outlook-csv" : "csv";
        return new CsvColumns(columns, format);
    }

    private static Role role(String name) {
        if (name.matches("(e-mail|email|phone|organization) \\d+ - (type|label)") || name.contains("display name")) {
            return Role.IGNORED;
        }
        return switch (name) {
            case "name", "full name", "display name", "contact name" -> Role.FULL_NAME;
            case "first name", "given name", "firstname", "first" -> Role.FIRST_NAME;
            case "last name", "family name", "surname", "lastname", "last" -> Role.LAST_NAME;
            case "company", "organization", "organisation", "organization name", "organization 1 - name" ->
                    Role.ORGANIZATION;
            case "url", "profile url", "linkedin", "linkedin url" -> Role.PROFILE_URL;
            default -> {
                if (name.matches("(e-mail|email)( \\d+)?( - value| address)?|e-mail \\d+ address|email address \\d+")) {
                    yield Role.EMAIL;
                }
                if (name.matches("phone( \\d+ - value)?|mobile|mobile phone|cell|telephone|.*\\bphone( \\d+)?|.*\\bfax|pager")) {
                    yield Role.PHONE;
                }
                yield Role.IGNORED;
            }
        };
    }

    /** The kind of address a column holds, from its name: "Mobile Phone" → mobile, "Business Fax" → business fax. */
    private static String label(String name) {
        if (name.endsWith(" - value") || name.equals("phone") || name.equals("email") || name.equals("e-mail")) {
            return null;
        }
        String label = name.replace("e-mail", "").replace("email", "").replace("address", "")
                .replace(" phone", "").replaceAll("\\d+", "").strip();
        return label.isEmpty() ? null : label;
    }
}
