package io.docstream.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.docstream.contract.DocType;
import io.docstream.extract.pdf.PdfSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every reason a document produces no row, each shown with a real bad file from src/test/resources/bad. */
class QuarantineTest {

    private final DocumentExtractor extractor = new DocumentExtractor();

    private static Extraction.Quarantined quarantined(Extraction extraction) {
        return assertInstanceOf(Extraction.Quarantined.class, extraction);
    }

    @Test
    void anEmptyFileIsEmpty() {
        Extraction.Quarantined result =
                quarantined(extractor.extract(DocType.BULLETIN, "empty.txt", Fixtures.bytes("bad/empty.txt")));
        assertEquals(QuarantineReason.EMPTY, result.reason());
        assertEquals("the document has no bytes", result.message());
    }

    @Test
    void onlyWhiteSpaceIsEmptyToo() {
        Extraction.Quarantined result =
                quarantined(extractor.extract(DocType.JSON_RECORD, "blank.json", " \r\n\t \n".getBytes()));
        assertEquals(QuarantineReason.EMPTY, result.reason());
    }

    @Test
    void bytesWithNulAreNotText() {
        Extraction.Quarantined result = quarantined(
                extractor.extract(DocType.BULLETIN, "binary-with-nul.txt", Fixtures.bytes("bad/binary-with-nul.txt")));
        assertEquals(QuarantineReason.NOT_TEXT, result.reason());
        assertEquals("binary content: NUL character at position 8", result.message());
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        Extraction.Quarantined result = quarantined(
                extractor.extract(DocType.JSON_RECORD, "malformed.json", Fixtures.bytes("bad/malformed.json")));
        assertEquals(QuarantineReason.MALFORMED_JSON, result.reason());
        assertTrue(result.message().startsWith("line 4, column 3: "), result.message());
        assertTrue(result.message().contains("was expecting comma"), result.message());
    }

    @Test
    void aJsonScalarIsNotARecord() {
        Extraction.Quarantined result =
                quarantined(extractor.extract(DocType.JSON_RECORD, "scalar.json", Fixtures.bytes("bad/scalar.json")));
        assertEquals(QuarantineReason.NOT_A_RECORD, result.reason());
        assertEquals("the JSON document is a number, not an object or an array of objects", result.message());
    }

    @Test
    void anArrayOfNumbersIsNotARecord() {
        Extraction.Quarantined result = quarantined(
                extractor.extract(DocType.JSON_RECORD, "numbers-array.json", Fixtures.bytes("bad/numbers-array.json")));
        assertEquals(QuarantineReason.NOT_A_RECORD, result.reason());
        assertEquals("element 0 of the JSON array is a number, not an object", result.message());
    }

    @Test
    void anEmptyArrayHoldsNoRecord() {
        Extraction.Quarantined result =
                quarantined(extractor.extract(DocType.JSON_RECORD, "none.json", "[]".getBytes()));
        assertEquals(QuarantineReason.NOT_A_RECORD, result.reason());
    }

    @Test
    void aDocumentOverTheCapIsTooLargeByItsDeclaredSizeWithoutBeingRead() throws IOException {
        DocumentExtractor capped = new DocumentExtractor(1024);
        InputStream unreadable = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("a document declared too large must not be read");
            }
        };
        Extraction.Quarantined result = quarantined(capped.extract(DocType.BULLETIN, "over-cap.txt", unreadable, 3000));
        assertEquals(QuarantineReason.TOO_LARGE, result.reason());
        assertEquals("the document is larger than the limit of 1024 bytes (3000 bytes declared)", result.message());
    }

    @Test
    void aDocumentOverTheCapIsTooLargeWhenItsSizeIsUnknown() throws IOException {
        DocumentExtractor capped = new DocumentExtractor(1024);
        CountingStream in = new CountingStream(new ByteArrayInputStream(Fixtures.bytes("bad/over-cap.txt")));
        Extraction.Quarantined result = quarantined(capped.extract(DocType.BULLETIN, "over-cap.txt", in, -1));
        assertEquals(QuarantineReason.TOO_LARGE, result.reason());
        assertTrue(in.count <= 1025, "read " + in.count + " bytes of a 3000-byte document with a 1024-byte cap");
    }

    @Test
    void theSameFileUnderTheCapIsExtracted() throws IOException {
        Extraction result = extractor.extract(
                DocType.BULLETIN, "over-cap.txt", new ByteArrayInputStream(Fixtures.bytes("bad/over-cap.txt")), 3000);
        assertInstanceOf(Extraction.Extracted.class, result);
    }

    @Test
    void anUnknownDocumentTypeIsUnsupported() {
        Extraction.Quarantined result = quarantined(extractor.extract(null, "bulletin.docx", "PK".getBytes()));
        assertEquals(QuarantineReason.UNSUPPORTED_TYPE, result.reason());
    }

    @Test
    void aTruncatedPdfIsUnreadable() {
        Extraction.Quarantined result = quarantined(extractor.extract(
                DocType.BULLETIN_PDF,
                "truncated.pdf",
                PdfSamples.firstHalf(PdfSamples.corpusPdfBytes("ARTS ASSOCIATE 2454.pdf"))));
        assertEquals(QuarantineReason.PDF_UNREADABLE, result.reason());
        assertTrue(result.message().contains("truncated"), result.message());
    }

    @Test
    void aPasswordProtectedPdfIsEncrypted() {
        Extraction.Quarantined result = quarantined(extractor.extract(
                DocType.BULLETIN_PDF,
                "encrypted.pdf",
                PdfSamples.encrypted(PdfSamples.corpusPdfBytes("ARTS ASSOCIATE 2454.pdf"))));
        assertEquals(QuarantineReason.PDF_ENCRYPTED, result.reason());
    }

    @Test
    void textNamedPdfIsNoPdf() {
        Extraction.Quarantined result = quarantined(
                extractor.extract(DocType.BULLETIN_PDF, "not-a-pdf.pdf", Fixtures.bytes("bad/not-a-pdf.pdf")));
        assertEquals(QuarantineReason.PDF_UNREADABLE, result.reason());
        assertTrue(result.message().startsWith("not a PDF"), result.message());
    }

    @Test
    void aPdfOverThePageCapIsTooManyPages() {
        DocumentExtractor capped = new DocumentExtractor(
                DocumentExtractor.DEFAULT_MAX_BYTES,
                PdfSettings.fromEnvironment().withMaxPages(5));
        Extraction.Quarantined result =
                quarantined(capped.extract(DocType.BULLETIN_PDF, "long.pdf", PdfSamples.pagesOfText(6)));
        assertEquals(QuarantineReason.PDF_TOO_MANY_PAGES, result.reason());
        assertEquals("the PDF has 6 pages; the limit is 5 (" + PdfSettings.MAX_PAGES_ENV + ")", result.message());
        assertInstanceOf(
                Extraction.Extracted.class,
                capped.extract(DocType.BULLETIN_PDF, "five.pdf", PdfSamples.pagesOfText(5)));
    }

    @Test
    void aPdfOverTheTimeLimitIsQuarantinedNotWaitedFor() {
        DocumentExtractor noTime = new DocumentExtractor(
                DocumentExtractor.DEFAULT_MAX_BYTES,
                PdfSettings.fromEnvironment().withTimeLimit(Duration.ZERO));
        Extraction.Quarantined result = quarantined(noTime.extract(
                DocType.BULLETIN_PDF, "ARTS ASSOCIATE 2454.pdf", PdfSamples.corpusPdfBytes("ARTS ASSOCIATE 2454.pdf")));
        assertEquals(QuarantineReason.PDF_TIME_LIMIT, result.reason());
    }

    @Test
    void anEmptyPdfUploadIsEmpty() {
        assertEquals(
                QuarantineReason.EMPTY,
                quarantined(extractor.extract(DocType.BULLETIN_PDF, "empty.pdf", new byte[0]))
                        .reason());
    }

    private static final class CountingStream extends InputStream {
        private final InputStream in;
        private int count;

        CountingStream(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = in.read(buffer, offset, length);
            if (read > 0) {
                count += read;
            }
            return read;
        }
    }
}
