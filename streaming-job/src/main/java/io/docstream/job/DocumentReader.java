package io.docstream.job;

import io.docstream.extract.DocType;
import io.docstream.extract.DocumentExtractor;
import io.docstream.extract.Extraction;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads one stored document through Hadoop's FileSystem ({@code s3a://} or {@code file:}) and extracts it
 * while the bytes stream by, hashing them on the way. Thread-safe: the FileSystem instances are Hadoop's
 * cached, thread-safe ones, and the extractor is stateless.
 */
final class DocumentReader {

    /** What reading one document gave: its extraction and the SHA-256 of the bytes read, or that it is gone. */
    sealed interface Outcome {
    }

    record Read(Extraction extraction, String sha256) implements Outcome {
    }

    record Missing(String message) implements Outcome {
    }

    private final Configuration hadoopConf;
    private final DocumentExtractor extractor;

    DocumentReader(Configuration hadoopConf, DocumentExtractor extractor) {
        this.hadoopConf = hadoopConf;
        this.extractor = extractor;
    }

    /**
     * @throws IOException when the store fails for another reason than a missing object (unreachable,
     *                     denied): not the document's fault, so the task fails and Spark retries it
     *                     rather than quarantining a document that is fine
     */
    Outcome read(Path path, DocType type, String fileName, long declaredSize) throws IOException {
        MessageDigest sha256 = sha256();
        FileSystem fs = path.getFileSystem(hadoopConf);
        try (InputStream in = new DigestInputStream(fs.open(path), sha256)) {
            Extraction extraction = extractor.extract(type, fileName, in, declaredSize);
            return new Read(extraction, HexFormat.of().formatHex(sha256.digest()));
        } catch (FileNotFoundException e) {
            return new Missing("no object at " + path + " (" + e.getMessage() + ")");
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
