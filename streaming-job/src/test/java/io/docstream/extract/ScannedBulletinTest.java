package io.docstream.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.docstream.contract.DocType;
import io.docstream.extract.pdf.PdfSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A scanned bulletin: the pages of a corpus PDF rendered to images and wrapped into an image-only PDF. Through
 * Tesseract (installed by .ci/run) it keeps the class code, open date and salaries of the text PDF; with OCR
 * off it is quarantined as NO_TEXT_LAYER with a message saying how to turn OCR on.
 */
class ScannedBulletinTest {

    private static final String BULLETIN = "WORKERS' COMPENSATION CLAIMS ASSISTANT 1775.pdf";
    private static byte[] textPdf;
    private static byte[] scan;

    @BeforeAll
    static void scanTheBulletin() {
        textPdf = PdfSamples.corpusPdfBytes(BULLETIN);
        scan = PdfSamples.scanned(textPdf, 200);
    }

    @Test
    void ocrKeepsTheClassCodeOpenDateAndSalariesOfTheTextPdf() {
        ExtractedRow fromText = row(new DocumentExtractor(
                        DocumentExtractor.DEFAULT_MAX_BYTES,
                        PdfSettings.fromEnvironment().withOcr(false))
                .extract(DocType.BULLETIN_PDF, BULLETIN, textPdf));
        ExtractedRow fromScan = row(new DocumentExtractor(
                        DocumentExtractor.DEFAULT_MAX_BYTES,
                        PdfSettings.fromEnvironment().withOcr(true))
                .extract(DocType.BULLETIN_PDF, "scanned.pdf", scan));

        assertEquals("1775", fromText.classcode());
        assertEquals(fromText.classcode(), fromScan.classcode());
        assertEquals(fromText.startDate(), fromScan.startDate());
        assertEquals(fromText.salaryStart(), fromScan.salaryStart());
        assertEquals(fromText.salaryEnd(), fromScan.salaryEnd());
        assertEquals(fromText.salaryDwpStart(), fromScan.salaryDwpStart());
        assertEquals(fromText.salaryDwpEnd(), fromScan.salaryDwpEnd());
        assertEquals(DocType.BULLETIN_PDF, fromScan.sourceType());
        assertTrue(
                fromScan.parseWarnings().contains(ParseWarning.TEXT_FROM_OCR.name()),
                fromScan.parseWarnings().toString());
        assertTrue(!fromText.parseWarnings().contains(ParseWarning.TEXT_FROM_OCR.name()));
    }

    @Test
    void withOcrOffAScanIsQuarantinedWithHowToTurnItOn() {
        Extraction.Quarantined quarantined = assertInstanceOf(
                Extraction.Quarantined.class,
                new DocumentExtractor(
                                DocumentExtractor.DEFAULT_MAX_BYTES,
                                PdfSettings.fromEnvironment().withOcr(false))
                        .extract(DocType.BULLETIN_PDF, "scanned.pdf", scan));
        assertEquals(QuarantineReason.NO_TEXT_LAYER, quarantined.reason());
        assertTrue(
                quarantined.message().contains("tesseract-ocr")
                        && quarantined.message().contains(PdfSettings.OCR_ENV),
                quarantined.message());
    }

    private static ExtractedRow row(Extraction extraction) {
        return assertInstanceOf(Extraction.Extracted.class, extraction).rows().get(0);
    }
}
