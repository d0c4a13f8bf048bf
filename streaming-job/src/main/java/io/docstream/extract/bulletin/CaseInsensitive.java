package io.docstream.extract.bulletin;

/** Case-insensitive search without copying the text into upper case first (rules scan every line). */
final class CaseInsensitive {

    private CaseInsensitive() {
    }

    /** ASCII letters lower-cased, every other character kept, so positions match the original text. */
    static String lowerCaseAscii(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'A' && chars[i] <= 'Z') {
                chars[i] = (char) (chars[i] + ('a' - 'A'));
            }
        }
        return new String(chars);
    }

    /** Where {@code upperNeedle} (written in upper case) first occurs in {@code text}, ignoring case; -1 if nowhere. */
    static int indexOf(String text, String upperNeedle) {
        int last = text.length() - upperNeedle.length();
        char head = upperNeedle.charAt(0);
        char lowerHead = Character.toLowerCase(head);
        for (int i = 0; i <= last; i++) {
            char c = text.charAt(i);
            if ((c == head || c == lowerHead) && text.regionMatches(true, i, upperNeedle, 0, upperNeedle.length())) {
                return i;
            }
        }
        return -1;
    }
}
