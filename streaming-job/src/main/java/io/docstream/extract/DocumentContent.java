package io.docstream.extract;

import io.docstream.limits.TextContent;
import java.util.Optional;

/** Checks that hold for every document before any rule looks at it: not empty, not binary. */
final class DocumentContent {

    private DocumentContent() {}

    /** Checks on the decoded text: String.isBlank and indexOf are fast intrinsics, the control count ({@link TextContent}, shared with the ingest service) looks at the start only. */
    static Optional<Extraction.Quarantined> unreadable(byte[] bytes, String text) {
        if (text.isBlank()) {
            return Optional.of(new Extraction.Quarantined(
                    QuarantineReason.EMPTY,
                    bytes.length == 0 ? "the document has no bytes" : "the document holds only white space"));
        }
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            return Optional.of(new Extraction.Quarantined(
                    QuarantineReason.NOT_TEXT, "binary content: NUL character at position " + nul));
        }
        int controls = TextContent.excessControlCharacters(text);
        if (controls > 0) {
            return Optional.of(new Extraction.Quarantined(
                    QuarantineReason.NOT_TEXT,
                    "binary content: " + controls + " control characters in the first " + TextContent.sniffed(text)));
        }
        return Optional.empty();
    }
}
