package io.docstream.extract;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.docstream.contract.DocType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Uploads arrive cut short or mangled; every corpus bulletin cut at several points, and every corpus JSON file
 * cut in half, must still give a row or a quarantine reason, never an exception.
 */
class DamagedDocumentsTest {

    private static final int CUTS_PER_DOCUMENT = 7;

    private final DocumentExtractor extractor = new DocumentExtractor();

    @Test
    void truncatedBulletinsStillGiveOneRowEach() throws IOException {
        for (Path file : files("bulletins")) {
            byte[] bytes = Files.readAllBytes(file);
            for (int cut = 1; cut <= CUTS_PER_DOCUMENT; cut++) {
                byte[] truncated = Arrays.copyOf(bytes, bytes.length * cut / (CUTS_PER_DOCUMENT + 1));
                Extraction extraction = assertDoesNotThrow(
                        () -> extractor.extract(
                                DocType.BULLETIN, file.getFileName().toString(), truncated),
                        file + " cut at " + truncated.length);
                if (extraction instanceof Extraction.Extracted extracted) {
                    assertEquals(1, extracted.rows().size());
                } else {
                    assertEquals(
                            QuarantineReason.EMPTY,
                            assertInstanceOf(Extraction.Quarantined.class, extraction)
                                    .reason());
                }
            }
        }
    }

    @Test
    void truncatedJsonIsMalformedJson() throws IOException {
        for (Path file : files("json")) {
            byte[] bytes = Files.readAllBytes(file);
            byte[] half = Arrays.copyOf(bytes, bytes.length / 2);
            Extraction extraction =
                    extractor.extract(DocType.JSON_RECORD, file.getFileName().toString(), half);
            assertEquals(
                    QuarantineReason.MALFORMED_JSON,
                    assertInstanceOf(Extraction.Quarantined.class, extraction).reason(),
                    file.toString());
        }
    }

    private static List<Path> files(String folder) throws IOException {
        try (Stream<Path> files = Files.list(Corpus.dir().resolve(folder))) {
            return files.sorted().toList();
        }
    }
}
