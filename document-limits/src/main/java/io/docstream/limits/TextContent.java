package io.docstream.limits;

/**
 * When text is binary data after all: more than {@value #MAX_CONTROL_PERCENT}% control characters (other than
 * tab, line feed, carriage return and form feed) among its first {@value #SNIFF_CHARS} characters. Binary
 * formats show themselves in their header, so the start is enough. The ingest service refuses such an upload;
 * the job quarantines such a document as NOT_TEXT.
 */
public final class TextContent {

    public static final int SNIFF_CHARS = 1024;
    public static final int MAX_CONTROL_PERCENT = 5;

    private TextContent() {}

    /** The number of control characters among the first {@link #SNIFF_CHARS} of {@code text}, if too many; else 0. */
    public static int excessControlCharacters(CharSequence text) {
        int sniffed = Math.min(text.length(), SNIFF_CHARS);
        int controls = 0;
        for (int i = 0; i < sniffed; i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                controls++;
            }
        }
        return controls * 100 > sniffed * MAX_CONTROL_PERCENT ? controls : 0;
    }

    /** How many characters {@link #excessControlCharacters} looks at in {@code text}. */
    public static int sniffed(CharSequence text) {
        return Math.min(text.length(), SNIFF_CHARS);
    }
}
