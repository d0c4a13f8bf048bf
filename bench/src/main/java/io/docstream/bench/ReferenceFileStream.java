package io.docstream.bench;

import io.docstream.contract.DocType;
import io.docstream.extract.DocumentExtractor;
import io.docstream.extract.Extraction;
import io.docstream.job.DocumentsStream;
import io.docstream.job.JobSettings;
import io.docstream.job.arrivals.Announcement;
import io.docstream.job.arrivals.ArrivalEvent;
import io.docstream.table.BatchCommitter;
import io.docstream.table.DriverCommitBound;
import io.docstream.table.OutputTable;
import io.docstream.table.QuarantineRow;
import io.docstream.table.RowAssembler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.apache.spark.sql.streaming.Trigger;

/**
 * The reference architecture, for {@code bin/docstream bench --peer} only: a file-source stream that lists the
 * input prefix every trigger and reads each new object whole ({@code readStream} text with {@code wholetext}),
 * then the same extractor and the same Delta sink as {@link DocumentsStream}. No Kafka: it finds documents by
 * listing, so its cost per batch grows with the number of objects under the prefix.
 */
public final class ReferenceFileStream {

    /** The reference commits as a plain Spark pipeline would: every batch through delta-spark's writer. */
    private static final DriverCommitBound REFERENCE_COMMIT = new DriverCommitBound(0, 0);

    private ReferenceFileStream() {}

    public static void main(String[] args) throws TimeoutException, StreamingQueryException {
        SparkConf conf = new SparkConf();
        JobSettings settings = JobSettings.resolve(List.of(args), conf, System.getenv());
        SparkSession spark = DocumentsStream.session(conf, settings);
        start(spark, settings).awaitTermination();
    }

    public static StreamingQuery start(SparkSession spark, JobSettings settings) throws TimeoutException {
        // The ingest service stores each document as <prefix><doc_id>/<file name>.
        Dataset<Row> files = spark.readStream()
                .format("text")
                .option("wholetext", "true")
                .load(settings.input().replaceAll("/+$", "") + "/*/*")
                .withColumn("path", functions.input_file_name());
        Dataset<Row> tableRows =
                files.flatMap(new ExtractFile(settings.limits().maxBytes()), Encoders.row(OutputTable.SCHEMA));
        return tableRows
                .writeStream()
                .queryName("reference-documents")
                .foreachBatch(new BatchCommitter(settings.output(), REFERENCE_COMMIT))
                .option("checkpointLocation", settings.documentsCheckpoint())
                .trigger(Trigger.ProcessingTime(settings.trigger()))
                .start();
    }

    /** One listed file → its table rows, through the same extractor and row layout as the Kafka-driven job. */
    static final class ExtractFile implements FlatMapFunction<Row, Row> {

        private static final long serialVersionUID = 1L;
        private final long maxBytes;
        /** One per task, not per file: built on the executor, where the function is deserialized. */
        private transient DocumentExtractor extractor;

        ExtractFile(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        public java.util.Iterator<Row> call(Row file) {
            String path = file.getAs("path");
            String[] segments = path.split("/");
            String fileName = java.net.URLDecoder.decode(segments[segments.length - 1], StandardCharsets.UTF_8);
            String docId = segments[segments.length - 2];
            byte[] bytes = file.<String>getAs("value").getBytes(StandardCharsets.UTF_8);
            String sha256 = sha256(bytes);
            ArrivalEvent event =
                    new ArrivalEvent(docId, fileName, DocType.BULLETIN, path, bytes.length, sha256, Instant.now());
            Announcement announcement = new Announcement(-1, -1, docId, event, null);
            if (extractor == null) {
                extractor = new DocumentExtractor(maxBytes);
            }
            Extraction extraction = extractor.extract(DocType.BULLETIN, fileName, bytes);
            List<Row> rows = new ArrayList<>();
            if (extraction instanceof Extraction.Extracted extracted) {
                Instant processedAt = Instant.now();
                for (int i = 0; i < extracted.rows().size(); i++) {
                    rows.add(RowAssembler.document(
                            announcement, extracted.rows().get(i), i, sha256, List.of(), processedAt));
                }
            } else if (extraction instanceof Extraction.Quarantined quarantined) {
                rows.add(QuarantineRow.of(
                        docId,
                        fileName,
                        path,
                        quarantined.reason().name(),
                        quarantined.message(),
                        -1,
                        -1,
                        Instant.now()));
            }
            return rows.iterator();
        }

        private static String sha256(byte[] bytes) {
            try {
                return HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
