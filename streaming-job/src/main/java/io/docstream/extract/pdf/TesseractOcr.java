package io.docstream.extract.pdf;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Reads scanned pages with the {@code tesseract} command (Debian: tesseract-ocr, tesseract-ocr-eng): each page
 * rendered at {@link #DPI} in grey, piped in as PNG, read back as TSV so every line keeps its box and goes
 * through the same {@link BulletinLayout} as a text layer.
 */
final class TesseractOcr {

    static final int DPI = 300;
    /** Half an inch of unbroken dark pixels: longer than any stroke of a letter, shorter than a heading's frame. */
    private static final int MIN_RULE = DPI / 2;

    private static final float POINTS_PER_PIXEL = 72f / DPI;
    private static final String COMMAND = "tesseract";
    private static volatile Boolean installed;

    private TesseractOcr() {}

    /** Whether {@code tesseract} runs here (asked once per JVM). */
    static boolean installed() {
        Boolean known = installed;
        if (known == null) {
            known = answersVersion();
            installed = known;
        }
        return known;
    }

    private static boolean answersVersion() {
        try {
            Process process = new ProcessBuilder(COMMAND, "--version")
                    .redirectErrorStream(true)
                    .start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false; // not on the PATH: OCR stays off and scanned PDFs say how to turn it on
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The lines of every page, read from its image. */
    static List<TextLine> lines(PDDocument document, Deadline deadline) throws IOException {
        PDFRenderer renderer = new PDFRenderer(document);
        List<TextLine> lines = new ArrayList<>();
        for (int page = 0; page < document.getNumberOfPages(); page++) {
            deadline.check();
            BufferedImage image = RuledLines.erase(renderer.renderImageWithDPI(page, DPI, ImageType.GRAY), MIN_RULE);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            lines.addAll(parseTsv(run(png.toByteArray(), deadline), page + 1));
        }
        return lines;
    }

    private static String run(byte[] png, Deadline deadline) throws IOException {
        ProcessBuilder command = new ProcessBuilder(COMMAND, "stdin", "stdout", "-l", "eng", "--psm", "3", "tsv")
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        // One thread per page: the job already reads many documents at once, and Tesseract's OpenMP threads
        // spin on a busy machine (bench/results/pdf-extraction.md).
        command.environment().putIfAbsent("OMP_THREAD_LIMIT", "1");
        Process process = command.start();
        CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        try (OutputStream in = process.getOutputStream()) {
            in.write(png);
        }
        try {
            if (!process.waitFor(deadline.remainingMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                deadline.check();
                throw new IllegalStateException("tesseract outlived the deadline");
            }
            if (process.exitValue() != 0) {
                throw new Failed("tesseract exited with " + process.exitValue());
            }
            return new String(output.get(), StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for tesseract", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("cannot read tesseract's output", e.getCause());
        }
    }

    /** Tesseract refused a page image. */
    static final class Failed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failed(String message) {
            super(message);
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Tesseract's TSV: one row per word (level 5) with its block, paragraph and line numbers and its box in
     * pixels; words of one line become one {@link TextLine} in points.
     */
    static List<TextLine> parseTsv(String tsv, int page) {
        Map<String, List<String[]>> words = new LinkedHashMap<>();
        for (String row : tsv.split("\n")) {
            String[] cells = row.split("\t", -1);
            if (cells.length < 12 || !cells[0].equals("5") || cells[11].isBlank()) {
                continue;
            }
            words.computeIfAbsent(cells[2] + "/" + cells[3] + "/" + cells[4], k -> new ArrayList<>())
                    .add(cells);
        }
        List<TextLine> boxes = new ArrayList<>();
        for (List<String[]> line : words.values()) {
            float left = Float.MAX_VALUE;
            float right = 0;
            float bottom = 0;
            float top = Float.MAX_VALUE;
            StringBuilder text = new StringBuilder();
            for (String[] word : line) {
                int x = Integer.parseInt(word[6]);
                int y = Integer.parseInt(word[7]);
                left = Math.min(left, x);
                right = Math.max(right, x + Integer.parseInt(word[8]));
                top = Math.min(top, y);
                bottom = Math.max(bottom, y + Integer.parseInt(word[9]));
                text.append(text.length() == 0 ? "" : " ").append(word[11]);
            }
            float firstWordWidth = Integer.parseInt(line.get(0)[8]);
            boxes.add(new TextLine(
                    page,
                    left * POINTS_PER_PIXEL,
                    right * POINTS_PER_PIXEL,
                    bottom * POINTS_PER_PIXEL,
                    (bottom - top) * POINTS_PER_PIXEL,
                    firstWordWidth * POINTS_PER_PIXEL,
                    text.toString()));
        }
        // A box's height depends on its letters (ascenders, descenders), not on the type size: every line of
        // the page gets the median, so the layout's change-of-type-size test does not split paragraphs.
        float[] heights = new float[boxes.size()];
        for (int i = 0; i < heights.length; i++) {
            heights[i] = boxes.get(i).height();
        }
        java.util.Arrays.sort(heights);
        float median = heights.length == 0 ? 0 : heights[heights.length / 2];
        List<TextLine> lines = new ArrayList<>(boxes.size());
        for (TextLine box : boxes) {
            lines.add(new TextLine(
                    page, box.left(), box.right(), box.baseline(), median, box.firstWordWidth(), box.text()));
        }
        return lines;
    }
}
