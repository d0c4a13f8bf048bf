package io.docstream.job.read;

import io.docstream.extract.DocumentExtractor;
import io.docstream.extract.Extraction;
import io.docstream.extract.QuarantineReason;
import io.docstream.job.arrivals.Announcement;
import io.docstream.job.arrivals.ArrivalEvent;
import io.docstream.limits.DocumentLimits;
import io.docstream.table.QuarantineRow;
import io.docstream.table.RowAssembler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;

/**
 * Runs on the executors: announcements of one partition in, table rows out. Several documents are read
 * at once (a small pool per partition): reading one object from S3 is mostly waiting on the network, and
 * one-by-one reads would dominate the batch. Output keeps the input's order, and at most
 * {@code 2 × parallelism} documents are in memory per partition.
 */
public final class DocumentProcessor implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    private final SourceConfinement confinement;
    private final byte[] hadoopConf;
    private final int parallelism;
    private final DocumentLimits limits;

    public DocumentProcessor(
            SourceConfinement confinement, Configuration hadoopConf, int parallelism, DocumentLimits limits) {
        this.confinement = confinement;
        this.hadoopConf = serialize(hadoopConf);
        this.parallelism = parallelism;
        this.limits = limits;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> announcements) {
        DocumentReader reader = new DocumentReader(deserialize(hadoopConf), new DocumentExtractor(limits));
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, readerThreads());
        TaskContext task = TaskContext.get();
        if (task != null) {
            // Also when the task fails or is killed half-way, no reader thread outlives it.
            task.addTaskCompletionListener(
                    (org.apache.spark.util.TaskCompletionListener) context -> pool.shutdownNow());
        }
        return new InOrderResults(
                announcements, announcement -> pool.submit(() -> process(reader, announcement)), 2 * parallelism, pool);
    }

    /** Everything one announcement becomes: its document's rows, or one quarantine row. */
    List<Row> process(DocumentReader reader, Row announcementRow) throws IOException {
        Announcement announcement = Announcement.fromRow(announcementRow);
        ArrivalEvent event = announcement.event();
        if (event == null) {
            return List.of(QuarantineRow.of(
                    announcement.kafkaKey(),
                    null,
                    null,
                    QuarantineRow.BAD_EVENT,
                    announcement.badEvent(),
                    announcement.kafkaPartition(),
                    announcement.kafkaOffset(),
                    Instant.now()));
        }
        SourceConfinement.Decision decision = confinement.check(event.uri());
        if (decision instanceof SourceConfinement.Forbidden forbidden) {
            return List.of(quarantine(announcement, QuarantineRow.FORBIDDEN_SOURCE, forbidden.reason()));
        }
        SourceConfinement.Allowed allowed = (SourceConfinement.Allowed) decision;
        DocumentReader.Outcome outcome =
                reader.read(allowed.path(), event.docType(), event.fileName(), event.size(), event.sha256());
        if (outcome instanceof DocumentReader.Missing missing) {
            return List.of(quarantine(announcement, QuarantineRow.SOURCE_MISSING, missing.message()));
        }
        DocumentReader.Read read = (DocumentReader.Read) outcome;
        boolean readWhole =
                !(read.extraction() instanceof Extraction.Quarantined q && q.reason() == QuarantineReason.TOO_LARGE);
        if (readWhole && !read.sha256().equalsIgnoreCase(event.sha256())) {
            // Whoever can write to the topic could otherwise copy any input object into the table under new ids.
            // (A document over the size cap is not read whole, so its hash says nothing: it stays TOO_LARGE.)
            return List.of(quarantine(
                    announcement,
                    QuarantineRow.CHECKSUM_MISMATCH,
                    "the bytes read hash to " + read.sha256() + ", the event announced " + event.sha256()));
        }
        if (read.extraction() instanceof Extraction.Quarantined quarantined) {
            return List.of(quarantine(announcement, quarantined.reason().name(), quarantined.message()));
        }
        Extraction.Extracted extracted = (Extraction.Extracted) read.extraction();
        Instant processedAt = Instant.now();
        List<Row> rows = new ArrayList<>(extracted.rows().size());
        for (int i = 0; i < extracted.rows().size(); i++) {
            rows.add(RowAssembler.document(
                    announcement, extracted.rows().get(i), i, read.sha256(), List.of(), processedAt));
        }
        return rows;
    }

    private static Row quarantine(Announcement announcement, String reason, String message) {
        ArrivalEvent event = announcement.event();
        return QuarantineRow.of(
                event.docId(),
                event.fileName(),
                event.uri(),
                reason,
                message,
                announcement.kafkaPartition(),
                announcement.kafkaOffset(),
                Instant.now());
    }

    /**
     * Keeps up to {@code window} announcements in flight and hands their rows out in input order. A failed
     * read (store unreachable, not a missing object) fails the task, so Spark retries it.
     */
    private static final class InOrderResults implements Iterator<Row> {

        private final Iterator<Row> input;
        private final java.util.function.Function<Row, Future<List<Row>>> submit;
        private final int window;
        private final ExecutorService pool;
        private final Deque<Future<List<Row>>> inFlight = new ArrayDeque<>();
        private Iterator<Row> current = Collections.emptyIterator();

        InOrderResults(
                Iterator<Row> input,
                java.util.function.Function<Row, Future<List<Row>>> submit,
                int window,
                ExecutorService pool) {
            this.input = input;
            this.submit = submit;
            this.window = window;
            this.pool = pool;
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext()) {
                while (inFlight.size() < window && input.hasNext()) {
                    inFlight.add(submit.apply(input.next()));
                }
                if (inFlight.isEmpty()) {
                    pool.shutdown();
                    return false;
                }
                current = await(inFlight.poll()).iterator();
            }
            return true;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }

        private List<Row> await(Future<List<Row>> result) {
            try {
                return result.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading documents", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("reading a document failed: " + e.getCause(), e.getCause());
            }
        }
    }

    /** Daemon threads that keep no per-thread Hadoop IO statistics ({@link UncountedThreadStatistics}). */
    static java.util.concurrent.ThreadFactory readerThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(
                    () -> {
                        UncountedThreadStatistics.applyToCurrentThread();
                        runnable.run();
                    },
                    "document-reader-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Hadoop's Configuration is not Serializable; its Writable form carries the s3a settings to the executors. */
    private static byte[] serialize(Configuration conf) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            conf.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Configuration deserialize(byte[] bytes) {
        Configuration conf = new Configuration(false);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            conf.readFields(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return conf;
    }
}
