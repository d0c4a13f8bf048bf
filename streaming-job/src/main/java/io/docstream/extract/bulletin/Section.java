package io.docstream.extract.bulletin;

import java.util.List;

/** One section of a bulletin: its heading and the lines up to the next heading. */
public record Section(Heading heading, int headingLine, List<String> body) {

    /** The section's text: each line trimmed, runs of blank lines kept as one paragraph break, no blank ends. */
    public String text() {
        StringBuilder text = new StringBuilder(bodyLength());
        boolean pendingBreak = false;
        for (String line : body) {
            String stripped = line.strip();
            if (stripped.isEmpty()) {
                pendingBreak = text.length() > 0;
                continue;
            }
            if (text.length() > 0) {
                text.append(pendingBreak ? "\n\n" : "\n");
            }
            pendingBreak = false;
            text.append(stripped);
        }
        return text.toString();
    }

    /** The section's text on one line, lines joined by single spaces; for rules that read across line breaks. */
    public String flatText() {
        StringBuilder text = new StringBuilder(bodyLength());
        for (String line : body) {
            String stripped = line.strip();
            if (!stripped.isEmpty()) {
                if (text.length() > 0) {
                    text.append(' ');
                }
                text.append(stripped);
            }
        }
        return text.toString();
    }

    /** Enough room for the body's text, so building it copies each character once. */
    private int bodyLength() {
        int length = 0;
        for (String line : body) {
            length += line.length() + 2;
        }
        return length;
    }
}
