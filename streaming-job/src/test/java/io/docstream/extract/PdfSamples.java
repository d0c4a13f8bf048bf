package io.docstream.extract;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** PDFs made in the tests from corpus PDFs or from scratch, with PDFBox: scans, encrypted files, long files. */
public final class PdfSamples {

    private PdfSamples() {}

    public static Path corpusPdf(String fileName) {
        return Corpus.dir().resolve("pdf").resolve(fileName);
    }

    public static byte[] corpusPdfBytes(String fileName) {
        return Corpus.bytes(corpusPdf(fileName));
    }

    /** The pages of a PDF as a scanner would deliver them: one grey image per page, no text layer. */
    public static byte[] scanned(byte[] pdf, int dpi) {
        try (PDDocument original = Loader.loadPDF(pdf);
                PDDocument scan = new PDDocument()) {
            PDFRenderer renderer = new PDFRenderer(original);
            for (int i = 0; i < original.getNumberOfPages(); i++) {
                PDRectangle box = original.getPage(i).getMediaBox();
                BufferedImage image = renderer.renderImageWithDPI(i, dpi, ImageType.GRAY);
                PDPage page = new PDPage(new PDRectangle(box.getWidth(), box.getHeight()));
                scan.addPage(page);
                PDImageXObject picture = LosslessFactory.createFromImage(scan, image);
                try (PDPageContentStream content = new PDPageContentStream(scan, page)) {
                    content.drawImage(picture, 0, 0, box.getWidth(), box.getHeight());
                }
            }
            return bytes(scan);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A corpus PDF that opens only with a user password. */
    public static byte[] encrypted(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            StandardProtectionPolicy policy =
                    new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            return bytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF of {@code pages} pages with one line of text each. */
    public static byte[] pagesOfText(int pages) {
        try (PDDocument document = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int i = 1; i <= pages; i++) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(font, 11);
                    content.newLineAtOffset(72, 700);
                    content.showText("Page " + i + " of a document far longer than any job bulletin.");
                    content.endText();
                }
            }
            return bytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] firstHalf(byte[] bytes) {
        return Arrays.copyOf(bytes, bytes.length / 2);
    }

    private static byte[] bytes(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }
}
