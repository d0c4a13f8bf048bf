package io.docstream.extract.bulletin;

/** White space normalisation shared by the rules. */
public final class Whitespace {

    private Whitespace() {}

    /** Runs of white space as single spaces, no white space at either end. */
    public static String collapse(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }
}
