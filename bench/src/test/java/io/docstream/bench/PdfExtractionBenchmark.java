package io.docstream.bench;

import io.docstream.contract.DocType;
import io.docstream.extract.Corpus;
import io.docstream.extract.DocumentExtractor;
import io.docstream.extract.Extraction;
import io.docstream.extract.PdfSamples;
import io.docstream.extract.pdf.PdfSettings;
import io.docstream.servers.ProcessCpu;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * PDF extraction speed on one thread: every corpus PDF through the text layer (rounds after a warm-up), and
 * scans of some corpus PDFs (pages rendered to images, no text layer) through OCR. Prints docs/s and CPU ms per
 * document: the extracting thread's, the whole JVM's (GC and JIT included) and, for OCR, the ended tesseract
 * processes'. A short run on a shared machine: read the numbers as a rough scale, not a profile.
 *
 * <p>Arguments: text rounds (default 5), number of scanned PDFs (default 2).
 */
public final class PdfExtractionBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long PID = ProcessHandle.current().pid();

    record Doc(String name, byte[] bytes, int pages) {
        static Doc of(String name, byte[] bytes) throws java.io.IOException {
            try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(bytes)) {
                return new Doc(name, bytes, document.getNumberOfPages());
            }
        }
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int scans = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        List<Doc> pdfs = new ArrayList<>();
        try (Stream<Path> files = Files.list(Corpus.dir().resolve("pdf"))) {
            for (Path file : files.sorted().toList()) {
                pdfs.add(Doc.of(file.getFileName().toString(), Files.readAllBytes(file)));
            }
        }
        DocumentExtractor text = new DocumentExtractor(
                DocumentExtractor.DEFAULT_MAX_BYTES,
                PdfSettings.fromEnvironment().withOcr(false));
        run("text layer, warm-up", text, pdfs, 2);
        Result textResult = run("text layer", text, pdfs, rounds);

        List<Doc> scanned = new ArrayList<>();
        for (Doc pdf : pdfs.subList(0, Math.min(scans, pdfs.size()))) {
            scanned.add(Doc.of("scan of " + pdf.name(), PdfSamples.scanned(pdf.bytes(), 200)));
        }
        DocumentExtractor ocr = new DocumentExtractor(
                DocumentExtractor.DEFAULT_MAX_BYTES,
                PdfSettings.fromEnvironment().withOcr(true));
        Result ocrResult = run("OCR (scans, 200 dpi images, read at 300 dpi)", ocr, scanned, 1);

        System.out.printf(
                Locale.ROOT,
                "%njava %s, %d cores visible, PDFBox 3.0.8%n",
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        System.out.println(textResult);
        System.out.println(ocrResult);
    }

    record Result(
            String what, int docs, double seconds, double threadCpuMs, double jvmCpuMs, double childCpuMs, int pages) {
        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "%-46s %4d docs %5d pages  %7.2f docs/s  CPU ms/doc: thread %7.1f," + " JVM %7.1f, tesseract %7.1f",
                    what,
                    docs,
                    pages,
                    docs / seconds,
                    threadCpuMs / docs,
                    jvmCpuMs / docs,
                    childCpuMs / docs);
        }
    }

    private static Result run(String what, DocumentExtractor extractor, List<Doc> docs, int rounds) {
        long wall = System.nanoTime();
        long thread = THREADS.getCurrentThreadCpuTime();
        long jvm = ProcessCpu.millis(PID);
        long children = ProcessCpu.endedChildrenMillis(PID);
        int count = 0;
        int pages = 0;
        for (int round = 0; round < rounds; round++) {
            for (Doc doc : docs) {
                Extraction extraction = extractor.extract(DocType.BULLETIN_PDF, doc.name(), doc.bytes());
                if (!(extraction instanceof Extraction.Extracted)) {
                    throw new IllegalStateException(doc.name() + " was not extracted: " + extraction);
                }
                count++;
                pages += doc.pages();
            }
        }
        Result result = new Result(
                what,
                count,
                (System.nanoTime() - wall) / 1e9,
                (THREADS.getCurrentThreadCpuTime() - thread) / 1e6,
                ProcessCpu.millis(PID) - jvm,
                ProcessCpu.endedChildrenMillis(PID) - children,
                pages);
        System.out.println(result);
        return result;
    }
}
