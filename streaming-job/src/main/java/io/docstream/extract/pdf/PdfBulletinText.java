package io.docstream.extract.pdf;

import io.docstream.extract.QuarantineReason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * A PDF's bytes to the text of the bulletin it holds: the text layer when there is one, else the pages read by
 * OCR when that is on; or why it cannot be read. Pure function of bytes and settings (OCR runs a local
 * command); no exception for a bad document.
 */
public final class PdfBulletinText {

    private static final byte[] MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    /** The magic number may follow some junk; readers accept it within the first KiB. */
    private static final int MAGIC_WINDOW = 1024;
    /** A complete file ends with %%EOF, allowing for trailing white space or junk. */
    private static final int EOF_WINDOW = 1024;
    /** Fewer letters than this per page on average: the pages are images (a scan), not text. */
    private static final int MIN_LETTERS_PER_PAGE = 20;

    /** What reading gave: text (and whether OCR made it), or a quarantine reason. */
    public sealed interface Result {}

    public record Text(String text, int pages, boolean ocr) implements Result {}

    public record Unreadable(QuarantineReason reason, String message) implements Result {}

    private PdfBulletinText() {}

    public static Result read(byte[] bytes, PdfSettings settings) {
        if (indexOf(bytes, MAGIC, 0, Math.min(bytes.length, MAGIC_WINDOW + MAGIC.length)) < 0) {
            return new Unreadable(
                    QuarantineReason.PDF_UNREADABLE,
                    "not a PDF: no %PDF- header in the first " + MAGIC_WINDOW + " bytes");
        }
        byte[] eof = "%%EOF".getBytes(StandardCharsets.US_ASCII);
        if (indexOf(bytes, eof, Math.max(0, bytes.length - EOF_WINDOW), bytes.length) < 0) {
            return new Unreadable(
                    QuarantineReason.PDF_UNREADABLE,
                    "the PDF is truncated: no %%EOF marker in its last " + EOF_WINDOW + " bytes");
        }
        Deadline deadline = Deadline.after(settings.timeLimit());
        // Scratch memory for decoded streams is capped at the document's own size limit (x 8).
        long scratch = Math.max(64L * 1024 * 1024, 8L * bytes.length);
        try (PDDocument document =
                Loader.loadPDF(bytes, "", null, null, MemoryUsageSetting.setupMainMemoryOnly(scratch).streamCache)) {
            int pages = document.getNumberOfPages();
            if (pages > settings.maxPages()) {
                return new Unreadable(
                        QuarantineReason.PDF_TOO_MANY_PAGES,
                        "the PDF has " + pages + " pages; the limit is " + settings.maxPages() + " ("
                                + PdfSettings.MAX_PAGES_ENV + ")");
            }
            if (pages == 0) {
                return new Unreadable(QuarantineReason.PDF_UNREADABLE, "the PDF has no pages");
            }
            float[] heights = new float[pages];
            for (int i = 0; i < pages; i++) {
                heights[i] = document.getPage(i).getCropBox().getHeight();
            }
            List<TextLine> lines = PositionedLines.of(document, deadline);
            if (letters(lines) >= (long) MIN_LETTERS_PER_PAGE * pages) {
                return new Text(BulletinLayout.text(lines, heights), pages, false);
            }
            if (!settings.ocr()) {
                return new Unreadable(
                        QuarantineReason.NO_TEXT_LAYER,
                        "the PDF's " + pages + " page(s) have no text"
                                + " layer (a scan?) and OCR is off: install Tesseract where the extraction runs (Debian:"
                                + " apt-get install tesseract-ocr tesseract-ocr-eng) and leave " + PdfSettings.OCR_ENV
                                + " unset (auto) or set it to on");
            }
            List<TextLine> read = TesseractOcr.lines(document, deadline);
            if (letters(read) == 0) {
                return new Unreadable(
                        QuarantineReason.NO_TEXT_LAYER,
                        "the PDF has no text layer and OCR found no text on its " + pages + " page(s)");
            }
            return new Text(BulletinLayout.text(read, heights), pages, true);
        } catch (InvalidPasswordException e) {
            return new Unreadable(
                    QuarantineReason.PDF_ENCRYPTED, "the PDF is encrypted with a password: " + e.getMessage());
        } catch (Deadline.OverTimeLimit e) {
            return new Unreadable(
                    QuarantineReason.PDF_TIME_LIMIT, e.getMessage() + " (" + PdfSettings.TIME_LIMIT_ENV + ")");
        } catch (TesseractOcr.Failed e) {
            return new Unreadable(QuarantineReason.PDF_UNREADABLE, "OCR failed: " + e.getMessage());
        } catch (IOException e) {
            return new Unreadable(QuarantineReason.PDF_UNREADABLE, "PDFBox cannot read the PDF: " + e.getMessage());
        } catch (RuntimeException e) {
            // PDFBox answers some malformed structures with unchecked exceptions; the document is at fault, and
            // failing the task would only retry the same bytes.
            return new Unreadable(QuarantineReason.PDF_UNREADABLE, "PDFBox cannot read the PDF: " + e);
        } catch (StackOverflowError e) {
            // Deeply nested objects recurse in the parser; the document is at fault, not the JVM.
            return new Unreadable(QuarantineReason.PDF_UNREADABLE, "the PDF's objects are nested too deeply to read");
        }
    }

    private static long letters(List<TextLine> lines) {
        long count = 0;
        for (TextLine line : lines) {
            count += line.text().chars().filter(Character::isLetter).count();
        }
        return count;
    }

    private static int indexOf(byte[] bytes, byte[] needle, int from, int to) {
        for (int i = from; i + needle.length <= to; i++) {
            boolean match = true;
            for (int j = 0; j < needle.length && match; j++) {
                match = bytes[i + j] == needle[j];
            }
            if (match) {
                return i;
            }
        }
        return -1;
    }
}
