package io.docstream.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.docstream.contract.DocType;
import io.docstream.extract.DocumentExtractor;
import io.docstream.extract.ExtractedRow;
import io.docstream.extract.Extraction;
import io.docstream.extract.JsonLinesRowWriter;
import io.docstream.extract.Lineage;
import io.docstream.extract.QuarantineReason;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code docstream extract PATH...}: runs the extraction engine over local files and folders without the
 * pipeline. Rows go to stdout as JSON Lines, quarantined documents to stderr, then a one-line summary.
 */
public final class ExtractCommand {

    static final String USAGE = """
            usage: docstream extract [--max-bytes N] PATH...

            Extracts every .txt or .pdf job bulletin and .json record file under the given files and folders
            (folders are searched recursively, in name order) with the pipeline's extraction rules.

            stdout  one JSON object per row (JSON Lines), with exactly the output table's column names.
                    Lineage columns outside the pipeline: doc_id is null (only the ingest service assigns ids),
                    source_uri is the file's file: URI, content_sha256 the SHA-256 of the file's bytes,
                    ingested_at is null (nothing was ingested) and processed_at is when the file was extracted.
            stderr  one JSON object per document that produced no row:
                    {"file_name":..,"source_uri":..,"reason":..,"message":..}; reason is a quarantine reason
                    (EMPTY, NOT_TEXT, MALFORMED_JSON, NOT_A_RECORD, TOO_LARGE, PDF_ENCRYPTED, PDF_UNREADABLE,
                    PDF_TOO_MANY_PAGES, PDF_TIME_LIMIT, NO_TEXT_LAYER, UNSUPPORTED_TYPE for other file types)
                    or READ_FAILED when the file could not be read; then a summary line.
            PDFs: scanned pages are read by OCR where tesseract is installed; DOCSTREAM_PDF_OCR=auto|on|off,
                    DOCSTREAM_PDF_MAX_PAGES (50) and DOCSTREAM_PDF_TIME_LIMIT_MS (120000) set the limits.

            --max-bytes N  documents larger than N bytes are quarantined as TOO_LARGE (default 52428800).
            Exit status: 0 when the arguments are valid (even if documents were quarantined), 2 otherwise.
            """;

    private static final JsonFactory JSON = new JsonFactory();

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;

    ExtractCommand(PrintStream out, PrintStream err, Clock clock) {
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    public static void main(String[] args) {
        // Rows can be many: buffer stdout generously and flush once at the end.
        PrintStream out = new PrintStream(
                new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                false,
                StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        int status = new ExtractCommand(out, err, Clock.systemUTC()).run(args);
        out.flush();
        System.exit(status);
    }

    int run(String[] args) {
        long maxBytes = DocumentExtractor.DEFAULT_MAX_BYTES;
        List<Path> roots = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help")) {
                out.print(USAGE);
                return 0;
            }
            if (arg.equals("--max-bytes")) {
                Optional<Long> parsed = i + 1 < args.length ? parseBytes(args[++i]) : Optional.empty();
                if (parsed.isEmpty()) {
                    return usageError("--max-bytes needs a non-negative number of bytes");
                }
                maxBytes = parsed.get();
                continue;
            }
            Path root = Path.of(arg);
            if (!Files.exists(root)) {
                return usageError("no such file or folder: " + arg);
            }
            roots.add(root);
        }
        if (roots.isEmpty()) {
            return usageError("no PATH given");
        }
        List<Path> files;
        try {
            files = documentsUnder(roots);
        } catch (IOException e) {
            return usageError("cannot list " + e.getMessage());
        }
        return extractAll(files, new DocumentExtractor(maxBytes));
    }

    private int extractAll(List<Path> files, DocumentExtractor extractor) {
        long started = System.nanoTime();
        int rows = 0;
        int quarantined = 0;
        for (Path file : files) {
            String fileName = file.getFileName().toString();
            String sourceUri = file.toAbsolutePath().normalize().toUri().toString();
            Optional<DocType> type = DocType.fromFileName(fileName);
            if (type.isEmpty()) {
                reportQuarantine(
                        fileName,
                        sourceUri,
                        QuarantineReason.UNSUPPORTED_TYPE.name(),
                        "not a .txt or .pdf bulletin or a .json record file");
                quarantined++;
                continue;
            }
            try {
                MessageDigest sha256 = sha256();
                Extraction extraction;
                try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
                    extraction = extractor.extract(type.get(), fileName, in, Files.size(file));
                }
                if (extraction instanceof Extraction.Extracted extracted) {
                    Lineage lineage = new Lineage(
                            null, sourceUri, HexFormat.of().formatHex(sha256.digest()), null, Instant.now(clock));
                    for (ExtractedRow row : extracted.rows()) {
                        out.println(JsonLinesRowWriter.toJsonLine(row, lineage));
                        rows++;
                    }
                } else if (extraction instanceof Extraction.Quarantined rejected) {
                    reportQuarantine(fileName, sourceUri, rejected.reason().name(), rejected.message());
                    quarantined++;
                }
            } catch (IOException e) {
                reportQuarantine(fileName, sourceUri, "READ_FAILED", e.toString());
                quarantined++;
            }
        }
        out.flush();
        double seconds = (System.nanoTime() - started) / 1e9;
        err.printf(
                Locale.ROOT,
                "extracted %d rows from %d documents, %d quarantined in %.2f s%n",
                rows,
                files.size(),
                quarantined,
                seconds);
        return 0;
    }

    private void reportQuarantine(String fileName, String sourceUri, String reason, String message) {
        StringWriter line = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(line)) {
            json.writeStartObject();
            json.writeStringField("file_name", fileName);
            json.writeStringField("source_uri", sourceUri);
            json.writeStringField("reason", reason);
            json.writeStringField("message", message);
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON to a string cannot fail", e);
        }
        err.println(line);
    }

    /** Regular files under the roots, each root's files in path order; a file given directly is taken as is. */
    private static List<Path> documentsUnder(List<Path> roots) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(files::add);
                }
            } else {
                files.add(root);
            }
        }
        return files;
    }

    private int usageError(String problem) {
        err.println("docstream extract: " + problem);
        err.print(USAGE);
        return 2;
    }

    private static Optional<Long> parseBytes(String text) {
        try {
            long bytes = Long.parseLong(text);
            return bytes >= 0 ? Optional.of(bytes) : Optional.empty();
        } catch (NumberFormatException notANumber) {
            // Reported to the user as a usage error by the caller.
            return Optional.empty();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }
}
