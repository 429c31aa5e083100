package io.inviteflow.core.contact.imports;

import io.inviteflow.core.contact.PointKind;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Contacts CSV exports (Google, Outlook, LinkedIn, plain sheets), comma- or semicolon-separated. The header may come
 * after a preamble (LinkedIn puts a note first). Each row is checked on its own: a row with the wrong number of
 * fields or nothing that identifies a person is rejected with its line; the rest imports.
 */
final class CsvContacts {

    /** Google Contacts puts several values in one cell, separated like this. */
    private static final java.util.regex.Pattern GOOGLE_MULTI_VALUE = java.util.regex.Pattern.compile(" ::: ");
    private static final int MAX_PREAMBLE_LINES = 20;

    private CsvContacts() {
    }

    static ParsedContacts read(String text, PointNormalizer normalizer) {
        LineIndex lines = new LineIndex(text);
        Header header = findHeader(text, lines);
        var out = new ParsedContactsCollector();
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(header.delimiter()).setHeader()
                .setSkipHeaderRecord(true).setAllowMissingColumnNames(true).setDuplicateHeaderMode(
                        org.apache.commons.csv.DuplicateHeaderMode.ALLOW_ALL).setIgnoreEmptyLines(true).get();
        String body = text.substring(header.offset());
        int lastLine = lines.lineAt(header.offset());
        try (CSVParser parser = CSVParser.parse(new StringReader(body), format)) {
            Iterator<CSVRecord> records = parser.iterator();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                int line = lines.lineAt(header.offset() + (int) record.getCharacterPosition());
                lastLine = line;
                if (record.size() != header.columns().columns().size()) {
                    out.reject(line, "has %d fields where the header has %d"
                            .formatted(record.size(), header.columns().columns().size()));
                    continue;
                }
                out.add(card(line, record, header.columns(), normalizer));
            }
        } catch (IOException | UncheckedIOException e) {
            out.reject(lastLine + 1, "a quoted field is never closed; nothing after this line could be read");
        }
        return out.done(header.columns().format());
    }

    private static CardBuilder.Result card(int line, CSVRecord record, CsvColumns columns, PointNormalizer normalizer) {
        var card = new CardBuilder(line, normalizer);
        for (CsvColumns.Column column : columns.columns()) {
            String value = record.get(column.index());
            if (value == null || value.isBlank()) {
                continue;
            }
            switch (column.role()) {
                case FULL_NAME -> card.displayName(value);
                case FIRST_NAME -> card.firstName(value);
                case LAST_NAME -> card.lastName(value);
                case ORGANIZATION -> card.organization(value);
                case EMAIL -> Arrays.stream(GOOGLE_MULTI_VALUE.split(value)).forEach(v -> card.email(v, column.label()));
                case PHONE -> Arrays.stream(GOOGLE_MULTI_VALUE.split(value)).forEach(v -> card.phone(v, column.label()));
                case PROFILE_URL -> SocialProfiles.kindOf(value).ifPresent(kind -> card.profile(kind, value));
                case IGNORED -> { }
            }
        }
        return card.build();
    }

    private record Header(int offset, char delimiter, CsvColumns columns) {
    }

    /** The first of the first lines that, read as a CSV header, names a column identifying a person. */
    private static Header findHeader(String text, LineIndex lines) {
        for (int i = 0; i < Math.min(MAX_PREAMBLE_LINES, lines.count()); i++) {
            String line = lines.text(text, i);
            char delimiter = count(line, ';') > count(line, ',') ? ';' : ',';
            List<String> fields = splitHeader(line, delimiter);
            CsvColumns columns = CsvColumns.of(fields);
            if (columns.identifiesPeople()) {
                return new Header(lines.start(i), delimiter, columns);
            }
        }
        throw new UnreadableContactsFile("not a contacts file: no vCard, no JSON export, and no CSV header with a "
                + "name, email or phone column in the first " + MAX_PREAMBLE_LINES + " lines");
    }

    private static List<String> splitHeader(String line, char delimiter) {
        try (CSVParser parser = CSVParser.parse(line, CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get())) {
            List<CSVRecord> records = parser.getRecords();
            return records.isEmpty() ? List.of() : records.get(0).toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(x -> x == c).count();
    }
}
