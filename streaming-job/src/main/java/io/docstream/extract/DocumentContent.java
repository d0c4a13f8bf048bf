package io.docstream.extract;

import java.util.Optional;

/** Checks that hold for every document before any rule looks at it: not empty, not binary. */
final class DocumentContent {

    /** How much of the file to inspect for control characters; binary formats show themselves early. */
    private static final int SNIFF_BYTES = 8192;
    /** More than this share of control characters in the sniffed bytes means the file is not text. */
    private static final double MAX_CONTROL_SHARE = 0.05;

    private DocumentContent() {
    }

    /** One pass over the bytes: the first NUL, the control bytes near the start, whether anything is not white space. */
    static Optional<Extraction.Quarantined> unreadable(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        int sniffEnd = Math.min(bytes.length, start + SNIFF_BYTES);
        int firstNul = -1;
        int controls = 0;
        boolean blank = true;
        for (int i = start; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            if (b > ' ') {
                blank = false;
            } else if (b != ' ' && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                if (b == 0 && firstNul < 0) {
                    firstNul = i;
                }
                if (i < sniffEnd) {
                    controls++;
                }
            }
        }
        if (blank) {
            return Optional.of(new Extraction.Quarantined(QuarantineReason.EMPTY,
                    bytes.length == 0 ? "the document has no bytes" : "the document holds only white space"));
        }
        if (firstNul >= 0) {
            return Optional.of(new Extraction.Quarantined(QuarantineReason.NOT_TEXT,
                    "binary content: NUL byte at offset " + firstNul));
        }
        int sniffed = sniffEnd - start;
        if (controls > sniffed * MAX_CONTROL_SHARE) {
            return Optional.of(new Extraction.Quarantined(QuarantineReason.NOT_TEXT,
                    "binary content: " + controls + " control bytes in the first " + sniffed + " bytes"));
        }
        return Optional.empty();
    }
}
