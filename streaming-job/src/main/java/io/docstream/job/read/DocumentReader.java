package io.docstream.job.read;

import io.docstream.contract.DocType;
import io.docstream.extract.DocumentExtractor;
import io.docstream.extract.Extraction;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.util.functional.FutureIO;

/**
 * Reads one stored document through Hadoop's FileSystem ({@code s3a://} or {@code file:}) and extracts it
 * while the bytes stream by, hashing them on the way. Thread-safe: the FileSystem instances are Hadoop's
 * cached, thread-safe ones, and the extractor is stateless.
 */
public final class DocumentReader {

    /** What reading one document gave: its extraction and the SHA-256 of the bytes read, or that it is gone. */
    sealed interface Outcome {}

    record Read(Extraction extraction, String sha256) implements Outcome {}

    record Missing(String message) implements Outcome {}

    /**
     * S3A's input stream for many small whole-object reads. Hadoop 3.5's default, the analytics-accelerator
     * stream, prefetches blocks through one synchronized blob cache per file system: with 16 concurrent
     * reads per partition the threads queued on its lock (seen in thread dumps of the benchmark).
     */
    static final String S3A_INPUT_STREAM_TYPE = "fs.s3a.input.stream.type";

    static final String CLASSIC_STREAM = "classic";

    /**
     * S3A's request auditing (on by default) opens an audit span and builds a URL-encoded referrer header
     * for every request: per-GET CPU on the executors for a log that only exists if S3 server access logs
     * are on. The document reads turn it off unless it is set; the checkpoint and table writes keep Spark's
     * configuration.
     */
    static final String S3A_AUDIT_ENABLED = "fs.s3a.audit.enabled";

    /**
     * With a request timeout (S3A's default is 60 s) the SDK arms two timers per request, for the call and
     * for the attempt: a schedule and a cancel on a shared scheduler for every GET, and a wake-up of its
     * thread, a cost per document that bench/job-drain shows. A document read is one small GET; the
     * connect timeout and the socket timeout ({@code fs.s3a.connection.timeout}, per read) still end one
     * that stalls. Turned off for document reads unless set.
     */
    static final String S3A_REQUEST_TIMEOUT = "fs.s3a.connection.request.timeout";

    /**
     * The job's own file system per store and executor JVM, created from the job's configuration: Hadoop's
     * shared cache would hand out whichever instance Spark created first, with its settings.
     */
    private static final ConcurrentMap<URI, FileSystem> FILE_SYSTEMS = new ConcurrentHashMap<>();

    private final Configuration hadoopConf;
    private final DocumentExtractor extractor;

    DocumentReader(Configuration hadoopConf, DocumentExtractor extractor) {
        this.hadoopConf = forDocumentReads(hadoopConf);
        this.extractor = extractor;
    }

    /** The job's Hadoop configuration with the S3A settings above, where nobody set them. */
    static Configuration forDocumentReads(Configuration jobConf) {
        Configuration conf = new Configuration(jobConf);
        if (conf.get(S3A_INPUT_STREAM_TYPE) == null) {
            conf.set(S3A_INPUT_STREAM_TYPE, CLASSIC_STREAM);
        }
        if (!explicitlySet(jobConf, S3A_AUDIT_ENABLED)) {
            conf.setBoolean(S3A_AUDIT_ENABLED, false);
        }
        if (!explicitlySet(jobConf, S3A_REQUEST_TIMEOUT)) {
            conf.set(S3A_REQUEST_TIMEOUT, "0");
        }
        return conf;
    }

    /**
     * When the announcement states size and SHA-256, the object is read with one GET and no HEAD (S3A needs
     * the length to open a stream without asking the store) and the bytes are only trusted if they hash to
     * the announced value; otherwise — or if the object is shorter than announced — it is read again the
     * ordinary way, its length from the store. The caller compares the SHA-256 of what was read with the
     * announced one ({@code CHECKSUM_MISMATCH}).
     *
     * @throws IOException when the store fails for another reason than a missing object (unreachable,
     *                     denied): not the document's fault, so the task fails and Spark retries it
     *                     rather than quarantining a document that is fine
     */
    Outcome read(Path path, DocType type, String fileName, long declaredSize, String declaredSha256)
            throws IOException {
        FileSystem fs = fileSystem(path);
        try {
            if (declaredSize >= 0 && declaredSha256 != null) {
                try {
                    Read read = extract(openWithLength(fs, path, declaredSize), type, fileName, declaredSize);
                    if (read.sha256().equalsIgnoreCase(declaredSha256)) {
                        return read;
                    }
                } catch (EOFException shorterThanAnnounced) {
                    // fall through: read it with the length the store reports
                }
            }
            return extract(fs.open(path), type, fileName, declaredSize);
        } catch (FileNotFoundException e) {
            return new Missing("no object at " + path + " (" + e.getMessage() + ")");
        }
    }

    private Read extract(InputStream stream, DocType type, String fileName, long declaredSize) throws IOException {
        MessageDigest sha256 = sha256();
        try (InputStream in = new DigestInputStream(stream, sha256)) {
            Extraction extraction = extractor.extract(type, fileName, in, declaredSize);
            return new Read(extraction, HexFormat.of().formatHex(sha256.digest()));
        }
    }

    private static InputStream openWithLength(FileSystem fs, Path path, long length) throws IOException {
        return FutureIO.awaitFuture(fs.openFile(path)
                .opt(Options.OpenFileOptions.FS_OPTION_OPENFILE_LENGTH, length)
                .opt(
                        Options.OpenFileOptions.FS_OPTION_OPENFILE_READ_POLICY,
                        Options.OpenFileOptions.FS_OPTION_OPENFILE_READ_POLICY_WHOLE_FILE)
                .build());
    }

    private FileSystem fileSystem(Path path) throws IOException {
        URI store = URI.create(path.toUri().getScheme() + "://"
                + (path.toUri().getAuthority() == null ? "" : path.toUri().getAuthority()) + "/");
        FileSystem fs = FILE_SYSTEMS.get(store);
        if (fs == null) {
            synchronized (FILE_SYSTEMS) {
                fs = FILE_SYSTEMS.get(store);
                if (fs == null) {
                    fs = FileSystem.newInstance(path.toUri(), hadoopConf);
                    FILE_SYSTEMS.put(store, fs);
                }
            }
        }
        return fs;
    }

    /** Set by the job or the user, not just Hadoop's {@code *-default.xml} value (nor unset). */
    static boolean explicitlySet(Configuration conf, String key) {
        if (conf.get(key) == null) {
            return false;
        }
        String[] sources = conf.getPropertySources(key);
        return sources == null || java.util.Arrays.stream(sources).anyMatch(source -> !source.endsWith("-default.xml"));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
