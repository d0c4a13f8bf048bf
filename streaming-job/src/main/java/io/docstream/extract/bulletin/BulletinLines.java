package io.docstream.extract.bulletin;

import java.util.ArrayList;
import java.util.List;

/** Splits a bulletin into lines in one pass, whatever the line ends: CRLF, CR alone or LF alone. */
public final class BulletinLines {

    private BulletinLines() {}

    public static List<String> split(String text) {
        List<String> lines = new ArrayList<>(256);
        int length = text.length();
        int start = 0;
        // String.indexOf(char) is a vectorised intrinsic: far faster than looking at each char here.
        int nextLf = text.indexOf('\n');
        int nextCr = text.indexOf('\r');
        while (start < length) {
            if (nextLf >= 0 && nextLf < start) {
                nextLf = text.indexOf('\n', start);
            }
            if (nextCr >= 0 && nextCr < start) {
                nextCr = text.indexOf('\r', start);
            }
            int end = nextLf < 0 ? nextCr : nextCr < 0 ? nextLf : Math.min(nextLf, nextCr);
            if (end < 0) {
                lines.add(text.substring(start));
                break;
            }
            lines.add(text.substring(start, end));
            start = end + (text.charAt(end) == '\r' && end + 1 < length && text.charAt(end + 1) == '\n' ? 2 : 1);
        }
        return lines;
    }
}
