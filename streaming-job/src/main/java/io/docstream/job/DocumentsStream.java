package io.docstream.job;

import io.docstream.job.arrivals.Announcement;
import io.docstream.job.arrivals.FirstAnnouncement;
import io.docstream.job.metrics.JobMetrics;
import io.docstream.job.outcomes.OutcomePublisher;
import io.docstream.job.outcomes.OutcomeSettings;
import io.docstream.job.read.DocumentProcessor;
import io.docstream.job.read.SourceConfinement;
import io.docstream.table.BatchCommitListener;
import io.docstream.table.BatchCommitter;
import io.docstream.table.DeltaTables;
import io.docstream.table.MaintenanceSchedule;
import io.docstream.table.OutputTable;
import io.docstream.table.TableRegistration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.GroupStateTimeout;
import org.apache.spark.sql.streaming.OutputMode;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.apache.spark.sql.streaming.Trigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streaming job: document-arrivals (Kafka) → parse announcements → drop re-announcements → read and
 * extract each document on the executors → two Delta Lake tables, documents and quarantine, committed
 * exactly once per micro-batch ({@link BatchCommitter}) → each document's outcome on document-outcomes
 * ({@link OutcomePublisher}).
 * Runs embedded ({@code bin/docstream job}, {@code local[*]} unless a master is given) or via spark-submit.
 */
public final class DocumentsStream {

    /** Checkpoints on S3 written without rename (a plain PUT is atomic on S3); from spark-hadoop-cloud. */
    static final String ABORTABLE_CHECKPOINT_MANAGER =
            "org.apache.spark.internal.io.cloud.AbortableStreamBasedCheckpointFileManager";

    static final String NO_DATA_BATCHES = "spark.sql.streaming.noDataMicroBatches.enabled";

    private static final Logger LOG = LoggerFactory.getLogger(DocumentsStream.class);

    private DocumentsStream() {}

    public static void main(String[] args) throws TimeoutException, StreamingQueryException {
        SparkConf conf = new SparkConf(); // picks up --conf / -Dspark.* settings
        JobSettings settings = JobSettings.resolve(List.of(args), conf, System.getenv());
        SparkSession spark = session(conf, settings);
        LOG.info("docstream job starting: {}", settings.describe());
        if (settings.glue().enabled()) {
            new TableRegistration(spark).registerBoth(settings, System.out);
        }
        JobMetrics metrics =
                JobMetrics.forJob(spark, settings.output(), settings.kafkaBootstrap(), KafkaClientOptions.from(conf));
        if (settings.metrics().enabled()) {
            metrics.serve(settings.metrics().bindAddress(), settings.metrics().port());
        }
        OutcomeSettings outcomeSettings = OutcomeSettings.resolve(List.of(args), conf, System.getenv());
        OutcomePublisher outcomes = outcomeSettings.enabled()
                ? OutcomePublisher.start(outcomeSettings, settings.kafkaBootstrap(), KafkaClientOptions.from(conf))
                : null;
        List<BatchCommitListener> listeners = new java.util.ArrayList<>(List.of(metrics.commits()));
        if (outcomes != null) {
            listeners.add(outcomes);
            metrics.outcomeEvents().watch(outcomes);
        }
        StreamingQuery query = start(spark, settings, listeners);
        // Through Spark's hook manager, ahead of the hook that stops the SparkContext: a JVM hook of our own ran
        // concurrently with it and failed with "Cannot call methods on a stopped SparkContext".
        org.apache.spark.util.ShutdownHookManager.addShutdownHook(
                org.apache.spark.util.ShutdownHookManager.SPARK_CONTEXT_SHUTDOWN_PRIORITY() + 1, () -> {
                    stopQuietly(query);
                    if (outcomes != null) {
                        outcomes.close(); // the last batch's outcomes go out before the JVM ends
                    }
                    return scala.runtime.BoxedUnit.UNIT;
                });
        long maintenanceMs = settings.maintenanceIntervalMs();
        try (OutcomePublisher published = outcomes;
                StallWatch stalls = StallWatch.watch(
                        query,
                        settings,
                        KafkaClientOptions.from(conf),
                        spark.sparkContext().hadoopConfiguration(),
                        metrics.stalls());
                MaintenanceSchedule maintenance = maintenanceMs > 0
                        ? MaintenanceSchedule.start(spark, settings.output(), maintenanceMs, metrics.maintenance()::ran)
                        : null;
                metrics) {
            query.awaitTermination();
        }
    }

    /** The job's path: Kafka source → first announcements → read and extract → write to the tables. */
    public static StreamingQuery start(SparkSession spark, JobSettings settings) throws TimeoutException {
        return start(spark, settings, List.of());
    }

    /** The same, telling {@code listeners} on the driver what each batch committed. */
    public static StreamingQuery start(SparkSession spark, JobSettings settings, List<BatchCommitListener> listeners)
            throws TimeoutException {
        Dataset<Row> announcements = announcements(spark, settings);
        Dataset<Row> firstAnnouncements = firstAnnouncements(announcements, settings);
        Dataset<Row> tableRows = readAndExtract(spark, firstAnnouncements, settings);
        return write(spark, tableRows, settings, listeners);
    }

    /** The records of the topic, parsed: an event or why it is not one ({@link Announcement#SCHEMA}). */
    private static Dataset<Row> announcements(SparkSession spark, JobSettings settings) {
        Dataset<Row> kafkaRecords = spark.readStream()
                .format("kafka")
                .option("kafka.bootstrap.servers", settings.kafkaBootstrap())
                .option("subscribe", settings.topic())
                .option("startingOffsets", settings.startingOffsets())
                .option("maxOffsetsPerTrigger", settings.maxOffsetsPerTrigger())
                .option("includeHeaders", "true")
                .options(KafkaClientOptions.asSourceOptions(spark.sparkContext().getConf()))
                .load();
        return kafkaRecords.map(
                (MapFunction<Row, Row>) Announcement::parseKafkaRecord, Encoders.row(Announcement.SCHEMA));
    }

    /**
     * A client retry re-announces a document: the first announcement of each doc_id within the window
     * goes on, on processing time, so no announcement is ever "late" and dropped, as one keyed on
     * Kafka timestamps could be for a lagging partition.
     */
    private static Dataset<Row> firstAnnouncements(Dataset<Row> announcements, JobSettings settings) {
        return announcements
                .groupByKey(
                        (MapFunction<Row, String>) row -> row.getString(Announcement.DEDUP_KEY_INDEX),
                        Encoders.STRING())
                .flatMapGroupsWithState(
                        new FirstAnnouncement(settings.dedupWindowMs()),
                        OutputMode.Append(),
                        Encoders.LONG(),
                        Encoders.row(Announcement.SCHEMA),
                        GroupStateTimeout.ProcessingTimeTimeout());
    }

    /** Each announced document read (within the input) and extracted → rows of {@link OutputTable#SCHEMA}. */
    private static Dataset<Row> readAndExtract(
            SparkSession spark, Dataset<Row> firstAnnouncements, JobSettings settings) {
        SourceConfinement confinement = new SourceConfinement(settings.input());
        return firstAnnouncements.mapPartitions(
                new DocumentProcessor(
                        confinement,
                        spark.sparkContext().hadoopConfiguration(),
                        settings.readParallelism(),
                        settings.limits()),
                Encoders.row(OutputTable.SCHEMA));
    }

    /** Every micro-batch committed to the documents and quarantine tables ({@link BatchCommitter}). */
    private static StreamingQuery write(
            SparkSession spark, Dataset<Row> tableRows, JobSettings settings, List<BatchCommitListener> listeners)
            throws TimeoutException {
        useRenameFreeCheckpointsOnS3(spark, settings);
        // With processing-time timeouts Spark would run an empty batch whenever a doc_id's window ends, only
        // to evict it: a full checkpoint round on the store for nothing. Eviction happens in the next batch
        // that has data.
        if (!spark.conf().contains(NO_DATA_BATCHES)) {
            spark.conf().set(NO_DATA_BATCHES, "false");
        }
        if (java.util.Arrays.stream(spark.streams().listListeners()).noneMatch(BatchProgressLogger.class::isInstance)) {
            spark.streams().addListener(new BatchProgressLogger());
        }
        BatchCommitter committer = new BatchCommitter(settings.output(), settings.driverCommit(), listeners);
        Thread opening = new Thread(() -> openTables(committer, spark), "docstream-open-tables");
        opening.setDaemon(true);
        opening.start();
        return tableRows
                .writeStream()
                .queryName("documents")
                .foreachBatch(committer)
                .option("checkpointLocation", settings.documentsCheckpoint())
                .outputMode("append")
                .trigger(Trigger.ProcessingTime(settings.trigger()))
                .start();
    }

    /** While the query starts: the first batch finds the tables open (or opens them itself if this failed). */
    private static void openTables(BatchCommitter committer, SparkSession spark) {
        try {
            committer.openTables(spark);
        } catch (RuntimeException e) {
            LOG.warn("opening the tables ahead of the first batch failed; the batch opens them", e);
        }
    }

    /**
     * The session: the given master (spark-submit, {@code -Dspark.master}) or {@code local[*]}; a few
     * partitions for the de-duplication state rather than Spark's 200 (each is a state store written
     * every batch); Delta's extension and catalog ({@link DeltaTables#configure}).
     */
    public static SparkSession session(SparkConf conf, JobSettings settings) {
        conf.setIfMissing("spark.master", "local[*]");
        conf.setIfMissing("spark.app.name", "docstream-documents-stream");
        conf.setIfMissing("spark.sql.shuffle.partitions", String.valueOf(settings.stateParallelism()));
        DeltaTables.configure(conf);
        return SparkSession.builder().config(conf).getOrCreate();
    }

    /**
     * The default checkpoint manager writes a temporary file and renames it, which S3 cannot do atomically
     * (S3A copies, then deletes). On s3a:// the abortable-stream manager writes the final object directly:
     * a PUT becomes visible whole or not at all, and an aborted write leaves nothing. A manager chosen by
     * the user (--conf spark.sql.streaming.checkpointFileManagerClass) is kept.
     */
    static void useRenameFreeCheckpointsOnS3(SparkSession spark, JobSettings settings) {
        String key = "spark.sql.streaming.checkpointFileManagerClass";
        boolean onS3 = settings.checkpoint().startsWith("s3a:");
        String current = spark.conf().getOption(key).getOrElse(() -> null);
        if (onS3 && current == null && isOnClasspath(ABORTABLE_CHECKPOINT_MANAGER)) {
            spark.conf().set(key, ABORTABLE_CHECKPOINT_MANAGER);
        } else if (!onS3 && ABORTABLE_CHECKPOINT_MANAGER.equals(current)) {
            spark.conf().unset(key); // set for an earlier S3 query of this session: local files cannot abort
        }
    }

    private static boolean isOnClasspath(String className) {
        try {
            Class.forName(className, false, DocumentsStream.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static void stopQuietly(StreamingQuery query) {
        try {
            query.stop();
        } catch (TimeoutException e) {
            LOG.warn("the query did not stop in time; the next start resumes from the checkpoint", e);
        }
    }
}
