package io.inviteflow.core.contact.imports;

import java.util.List;

/**
 * What a contacts file held.
 *
 * @param format   the format detected from the content, e.g. {@code vcard}, {@code google-csv}, {@code linkedin-csv}
 * @param rejected rows or cards not imported, with the reason
 * @param warnings rows or cards imported with a caveat (a phone that could not be normalised…)
 */
public record ParsedContacts(String format, List<ContactCard> cards, List<ImportIssue> rejected,
                             List<ImportIssue> warnings) {
}
