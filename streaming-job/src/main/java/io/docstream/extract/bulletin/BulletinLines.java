package io.docstream.extract.bulletin;

import java.util.ArrayList;
import java.util.List;

/** Splits a bulletin into lines in one pass, whatever the line ends: CRLF, CR alone or LF alone. */
public final class BulletinLines {

    private BulletinLines() {
    }

    public static List<String> split(String text) {
        List<String> lines = new ArrayList<>(256);
        int start = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < length) {
            lines.add(text.substring(start));
        }
        return lines;
    }
}
