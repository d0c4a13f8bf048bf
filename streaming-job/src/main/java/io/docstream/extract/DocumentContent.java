package io.docstream.extract;

import java.util.Optional;

/** Checks that hold for every document before any rule looks at it: not empty, not binary. */
final class DocumentContent {

    /** How much of the text to inspect for control characters; binary formats show themselves in their header. */
    private static final int SNIFF_CHARS = 1024;
    /** More than this share of control characters in the sniffed bytes means the file is not text. */
    private static final double MAX_CONTROL_SHARE = 0.05;

    private DocumentContent() {
    }

    /** Checks on the decoded text: String.isBlank and indexOf are fast intrinsics, the control count looks at the start only. */
    static Optional<Extraction.Quarantined> unreadable(byte[] bytes, String text) {
        if (text.isBlank()) {
            return Optional.of(new Extraction.Quarantined(QuarantineReason.EMPTY,
                    bytes.length == 0 ? "the document has no bytes" : "the document holds only white space"));
        }
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            return Optional.of(new Extraction.Quarantined(QuarantineReason.NOT_TEXT,
                    "binary content: NUL character at position " + nul));
        }
        int sniffed = Math.min(text.length(), SNIFF_CHARS);
        int controls = 0;
        for (int i = 0; i < sniffed; i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                controls++;
            }
        }
        if (controls > sniffed * MAX_CONTROL_SHARE) {
            return Optional.of(new Extraction.Quarantined(QuarantineReason.NOT_TEXT,
                    "binary content: " + controls + " control characters in the first " + sniffed));
        }
        return Optional.empty();
    }
}
