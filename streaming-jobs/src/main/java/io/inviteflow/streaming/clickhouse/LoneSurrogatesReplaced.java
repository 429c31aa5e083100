package io.inviteflow.streaming.clickhouse;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;

import java.io.IOException;

/**
 * Jackson's UTF-8 generator with every lone surrogate in a text replaced by '?'. That generator writes a character
 * outside the BMP (an emoji) as a {@code \\uD83C\\uDF82} escape pair, which ClickHouse 18.16 decodes to the character,
 * but a lone surrogate as a single escape, which it refuses ("missing second part of surrogate pair"), failing the
 * whole insert and with it the job. A lone surrogate is not a character: it can only come from a JSON escape in the
 * input, and UTF-8 has no encoding for it.
 */
final class LoneSurrogatesReplaced extends JsonGeneratorDelegate {

    LoneSurrogatesReplaced(JsonGenerator utf8Generator) {
        super(utf8Generator, false);
    }

    @Override
    public void writeString(String text) throws IOException {
        super.writeString(text == null ? null : withoutLoneSurrogates(text));
    }

    @Override
    public void writeString(char[] text, int offset, int len) throws IOException {
        writeString(new String(text, offset, len));
    }

    static String withoutLoneSurrogates(String text) {
        char[] replaced = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isSurrogate(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++; // a pair: one character
                continue;
            }
            if (replaced == null) {
                replaced = text.toCharArray();
            }
            replaced[i] = '?';
        }
        return replaced == null ? text : new String(replaced);
    }
}
