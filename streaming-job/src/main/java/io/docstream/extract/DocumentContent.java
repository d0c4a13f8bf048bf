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

    static Optional<Extraction.Quarantined> unreadable(byte[] bytes) {
        if (isBlank(bytes)) {
            return Optional.of(new Extraction.Quarantined(QuarantineReason.EMPTY,
                    bytes.length == 0 ? "the document has no bytes" : "the document holds only white space"));
        }
        int nul = indexOfNul(bytes);
        if (nul >= 0) {
            return Optional.of(new Extraction.Quarantined(QuarantineReason.NOT_TEXT,
                    "binary content: NUL byte at offset " + nul));
        }
        int sniffed = Math.min(bytes.length, SNIFF_BYTES);
        int controls = 0;
        for (int i = 0; i < sniffed; i++) {
            int b = bytes[i] & 0xFF;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                controls++;
            }
        }
        if (controls > sniffed * MAX_CONTROL_SHARE) {
            return Optional.of(new Extraction.Quarantined(QuarantineReason.NOT_TEXT,
                    "binary content: " + controls + " control bytes in the first " + sniffed + " bytes"));
        }
        return Optional.empty();
    }

    private static boolean isBlank(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        for (int i = start; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                return false;
            }
        }
        return true;
    }

    private static int indexOfNul(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }
}
