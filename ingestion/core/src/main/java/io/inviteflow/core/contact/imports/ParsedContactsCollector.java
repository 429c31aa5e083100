package io.inviteflow.core.contact.imports;

import java.util.ArrayList;
import java.util.List;

/** Gathers cards, rejections and warnings while a reader walks a file. */
final class ParsedContactsCollector {

    private final List<ContactCard> cards = new ArrayList<>();
    private final List<ImportIssue> rejected = new ArrayList<>();
    private final List<ImportIssue> warnings = new ArrayList<>();

    void add(CardBuilder.Result result) {
        if (result.card() != null) {
            cards.add(result.card());
        } else {
            rejected.add(result.rejection());
        }
        warnings.addAll(result.warnings());
    }

    void reject(int line, String reason) {
        rejected.add(new ImportIssue(line, reason));
    }

    void warn(int line, String reason) {
        warnings.add(new ImportIssue(line, reason));
    }

    /** The result, issues in file order. */
    ParsedContacts done(String format) {
        rejected.sort(java.util.Comparator.comparingInt(ImportIssue::line));
        warnings.sort(java.util.Comparator.comparingInt(ImportIssue::line));
        return new ParsedContacts(format, cards, rejected, warnings);
    }
}
