package io.docstream.extract;

import io.docstream.contract.DocType;
import java.util.List;

/** The outcome of extracting one document: rows for the table, or a reason it cannot be read. */
public sealed interface Extraction {

    record Extracted(DocType type, List<ExtractedRow> rows) implements Extraction {
        public Extracted {
            rows = List.copyOf(rows);
        }
    }

    record Quarantined(QuarantineReason reason, String message) implements Extraction {}
}
