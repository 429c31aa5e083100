package io.inviteflow.core.contact.imports;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Reads an uploaded contacts file of any supported format, detected from its content (never from its name). */
public final class ContactFileReader {

    private ContactFileReader() {
    }

    public static ParsedContacts read(byte[] content, PointNormalizer normalizer) {
        String text = decode(content);
        if (VCardContacts.looksLikeVCard(text)) {
            return VCardContacts.read(text, normalizer);
        }
        if (SocialExportContacts.looksLikeJson(text)) {
            return SocialExportContacts.read(text, normalizer);
        }
        return CsvContacts.read(text, normalizer);
    }

    /** UTF-8 (with or without BOM), UTF-16 with BOM (Outlook), else Windows-1252 (older Outlook/Excel CSV). */
    static String decode(byte[] content) {
        if (content.length >= 2 && (content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xFE) {
            return new String(content, 2, content.length - 2, StandardCharsets.UTF_16LE);
        }
        if (content.length >= 2 && (content[0] & 0xFF) == 0xFE && (content[1] & 0xFF) == 0xFF) {
            return new String(content, 2, content.length - 2, StandardCharsets.UTF_16BE);
        }
        int sniff = Math.min(content.length, 8192);
        for (int i = 0; i < sniff; i++) {
            if (content[i] == 0) {
                throw new UnreadableContactsFile("not a contacts file: the content is binary");
            }
        }
        int bom = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer bytes = ByteBuffer.wrap(content, bom, content.length - bom);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(content, Charset.forName("windows-1252"));
        }
    }
}
