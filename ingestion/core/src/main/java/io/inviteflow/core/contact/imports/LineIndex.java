package io.inviteflow.core.contact.imports;

import java.util.Arrays;

/** Where each line of a text starts, to turn a character offset into the line number an import report shows. */
final class LineIndex {

    private final int[] starts;
    private final int count;

    LineIndex(String text) {
        int[] s = new int[Math.max(16, text.length() / 40)];
        int n = 0;
        s[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                if (n == s.length) {
                    s = Arrays.copyOf(s, s.length * 2);
                }
                s[n++] = i + 1;
            }
        }
        this.starts = s;
        this.count = n;
    }

    int count() {
        return count;
    }

    int start(int lineIndex) {
        return starts[lineIndex];
    }

    /** The text of a line (0-based index) without its line break. */
    String text(String text, int lineIndex) {
        int end = lineIndex + 1 < count ? starts[lineIndex + 1] : text.length();
        return text.substring(starts[lineIndex], end).replaceFirst("[\r\n]+$", "");
    }

    /** 1-based line number of a character offset. */
    int lineAt(int offset) {
        int i = Arrays.binarySearch(starts, 0, count, offset);
        return (i >= 0 ? i : -i - 2) + 1;
    }
}
