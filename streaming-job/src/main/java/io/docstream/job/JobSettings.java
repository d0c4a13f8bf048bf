package io.docstream.job;

import io.docstream.limits.DocumentLimits;
import io.docstream.table.DriverCommitBound;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.catalyst.util.IntervalUtils;
import org.apache.spark.unsafe.types.CalendarInterval;

/**
 * What the job is told, from (strongest first) command-line arguments, Spark confs
 * ({@code --conf spark.docstream.*} or {@code -Dspark.docstream.*}), environment variables
 * ({@code DOCSTREAM_*}), and embedded defaults that need nothing: local folders under {@code .docstream/}.
 *
 * @param input           where documents may be read from (bucket + prefix or folder); every other URI is refused
 * @param output          the tables' root: the Delta tables {@code documents/} and {@code quarantine/} below it
 * @param checkpoint      the query's checkpoint root; keep it on the same store as the output
 * @param readParallelism object reads in flight per partition
 * @param dedupWindow     how long a doc_id is remembered to drop re-announcements
 * @param stateParallelism partitions of the de-duplication state (fixed once a checkpoint exists)
 * @param limits          what one document may be (size, JSON parser limits, records): the ingest service's
 *                        limits, defaults from {@link DocumentLimits}; a batch holds at most
 *                        {@code maxOffsetsPerTrigger × maxRecordsPerDocument} document rows
 * @param maintenanceInterval how often the job compacts, vacuums and checkpoints its tables ({@code off}: never)
 * @param glue            where the job registers its tables at start, if anywhere
 * @param driverCommit    how large a batch may be to be committed from the driver by Delta Kernel
 * @param metrics         where the driver serves its Prometheus metrics, if anywhere
 */
public record JobSettings(
        String kafkaBootstrap,
        String topic,
        String startingOffsets,
        long maxOffsetsPerTrigger,
        String trigger,
        String input,
        String output,
        String checkpoint,
        int readParallelism,
        String dedupWindow,
        int stateParallelism,
        DocumentLimits limits,
        String maintenanceInterval,
        GlueTarget glue,
        DriverCommitBound driverCommit,
        MetricsEndpoint metrics) {

    /** Without a Glue registration at start. */
    public JobSettings(
            String kafkaBootstrap,
            String topic,
            String startingOffsets,
            long maxOffsetsPerTrigger,
            String trigger,
            String input,
            String output,
            String checkpoint,
            int readParallelism,
            String dedupWindow,
            int stateParallelism,
            DocumentLimits limits) {
        this(
                kafkaBootstrap,
                topic,
                startingOffsets,
                maxOffsetsPerTrigger,
                trigger,
                input,
                output,
                checkpoint,
                readParallelism,
                dedupWindow,
                stateParallelism,
                limits,
                Key.MAINTENANCE_INTERVAL.defaultValue(),
                GlueTarget.NONE,
                defaultDriverCommit(),
                MetricsEndpoint.OFF);
    }

    /** The {@link DriverCommitBound} of the settings' defaults. */
    public static DriverCommitBound defaultDriverCommit() {
        return new DriverCommitBound(
                Long.parseLong(Key.DRIVER_COMMIT_MAX_ROWS.defaultValue()),
                Long.parseLong(Key.DRIVER_COMMIT_MAX_BYTES.defaultValue()));
    }

    /**
     * The Glue Data Catalog database to register the tables in ({@code ""}: none), and the client's region
     * and endpoint ({@code ""}: the SDK's defaults, i.e. AWS_REGION / the profile, and AWS's endpoint).
     */
    public record GlueTarget(String database, String region, String endpoint) {
        public static final GlueTarget NONE = new GlueTarget("", "", "");

        public boolean enabled() {
            return !database.isBlank();
        }
    }

    /** The address and port of the driver's metrics endpoint; port 0 picks a free one, {@link #OFF} serves none. */
    public record MetricsEndpoint(String bindAddress, int port) {
        public static final MetricsEndpoint OFF = new MetricsEndpoint("", -1);

        public boolean enabled() {
            return port >= 0;
        }

        static MetricsEndpoint of(String bindAddress, String port) {
            if (port.strip().equalsIgnoreCase("off")) {
                return OFF;
            }
            try {
                int number = Integer.parseInt(port.strip());
                if (number >= 0 && number <= 65535) {
                    return new MetricsEndpoint(bindAddress.strip(), number);
                }
            } catch (NumberFormatException e) {
                // said below
            }
            throw new IllegalArgumentException("metrics.port must be a port (0: any free one) or off: " + port);
        }
    }

    /** One setting: its name after {@code spark.docstream.}, its environment variable, its default. */
    public enum Key {
        KAFKA_BOOTSTRAP("kafka.bootstrap", "127.0.0.1:9092"),
        TOPIC("topic", "document-arrivals"),
        OUTCOMES_TOPIC("outcomes.topic", "document-outcomes"),
        OUTCOMES_BUFFER("outcomes.buffer", "20000"),
        STARTING_OFFSETS("startingOffsets", "earliest"),
        MAX_OFFSETS_PER_TRIGGER("maxOffsetsPerTrigger", "10000"),
        TRIGGER("trigger", "5 seconds"),
        INPUT("input", ".docstream/input"),
        OUTPUT("output", ".docstream/tables"),
        CHECKPOINT("checkpoint", ".docstream/checkpoints"),
        READ_PARALLELISM("readParallelism", "16"),
        DEDUP_WINDOW("dedupWindow", "1 hour"),
        STATE_PARTITIONS("statePartitions", "4"),
        MAX_DOCUMENT_BYTES("maxDocumentBytes", DocumentLimits.DEFAULT_MAX_BYTES),
        MAX_RECORDS_PER_DOCUMENT("maxRecordsPerDocument", DocumentLimits.DEFAULT_MAX_RECORDS),
        MAX_STRING_CHARS("maxStringChars", DocumentLimits.DEFAULT_MAX_STRING_CHARS),
        MAX_NESTING_DEPTH("maxNestingDepth", DocumentLimits.DEFAULT_MAX_NESTING_DEPTH),
        MAX_NUMBER_CHARS("maxNumberChars", DocumentLimits.DEFAULT_MAX_NUMBER_CHARS),
        MAINTENANCE_INTERVAL("maintenanceInterval", "1 hour"),
        GLUE_DATABASE("glue.database", ""),
        GLUE_REGION("glue.region", ""),
        GLUE_ENDPOINT("glue.endpoint", ""),
        DRIVER_COMMIT_MAX_ROWS("driverCommit.maxRows", "5000"),
        DRIVER_COMMIT_MAX_BYTES("driverCommit.maxBytes", String.valueOf(64L << 20)),
        METRICS_PORT("metrics.port", "9464"),
        METRICS_BIND_ADDRESS("metrics.bindAddress", "127.0.0.1");

        private final String name;
        private final String defaultValue;

        Key(String name, String defaultValue) {
            this.name = name;
            this.defaultValue = defaultValue;
        }

        /** The argument name: {@code --input=...}. */
        public String argument() {
            return name;
        }

        public String conf() {
            return "spark.docstream." + name;
        }

        /** {@code maxOffsetsPerTrigger} → {@code DOCSTREAM_MAX_OFFSETS_PER_TRIGGER}. */
        public String env() {
            return "DOCSTREAM_"
                    + name.replace('.', '_')
                            .replaceAll("([a-z])([A-Z])", "$1_$2")
                            .toUpperCase();
        }

        public String defaultValue() {
            return defaultValue;
        }
    }

    public static JobSettings resolve(List<String> args, SparkConf conf, Map<String, String> env) {
        Function<Key, String> value = lookup(parseArguments(args), conf, env);
        JobSettings settings = new JobSettings(
                value.apply(Key.KAFKA_BOOTSTRAP),
                value.apply(Key.TOPIC),
                value.apply(Key.STARTING_OFFSETS),
                Long.parseLong(value.apply(Key.MAX_OFFSETS_PER_TRIGGER)),
                value.apply(Key.TRIGGER),
                qualified(value.apply(Key.INPUT)),
                qualified(value.apply(Key.OUTPUT)),
                qualified(value.apply(Key.CHECKPOINT)),
                Integer.parseInt(value.apply(Key.READ_PARALLELISM)),
                value.apply(Key.DEDUP_WINDOW),
                Integer.parseInt(value.apply(Key.STATE_PARTITIONS)),
                new DocumentLimits(
                        Long.parseLong(value.apply(Key.MAX_DOCUMENT_BYTES)),
                        Integer.parseInt(value.apply(Key.MAX_STRING_CHARS)),
                        Integer.parseInt(value.apply(Key.MAX_NESTING_DEPTH)),
                        Integer.parseInt(value.apply(Key.MAX_NUMBER_CHARS)),
                        Integer.parseInt(value.apply(Key.MAX_RECORDS_PER_DOCUMENT))),
                value.apply(Key.MAINTENANCE_INTERVAL),
                new GlueTarget(
                        value.apply(Key.GLUE_DATABASE), value.apply(Key.GLUE_REGION), value.apply(Key.GLUE_ENDPOINT)),
                new DriverCommitBound(
                        Long.parseLong(value.apply(Key.DRIVER_COMMIT_MAX_ROWS)),
                        Long.parseLong(value.apply(Key.DRIVER_COMMIT_MAX_BYTES))),
                MetricsEndpoint.of(value.apply(Key.METRICS_BIND_ADDRESS), value.apply(Key.METRICS_PORT)));
        settings.validate();
        return settings;
    }

    /**
     * One setting, looked up as {@link #resolve} looks up each: for the parts of the job that read their own
     * settings ({@link io.docstream.job.outcomes.OutcomeSettings}).
     */
    public static String setting(Key key, List<String> args, SparkConf conf, Map<String, String> env) {
        return lookup(parseArguments(args), conf, env).apply(key);
    }

    private static Function<Key, String> lookup(Map<Key, String> fromArgs, SparkConf conf, Map<String, String> env) {
        return key -> Optional.ofNullable(fromArgs.get(key))
                .or(() -> conf.getOption(key.conf()).isDefined() ? Optional.of(conf.get(key.conf())) : Optional.empty())
                .or(() -> Optional.ofNullable(env.get(key.env())).filter(v -> !v.isBlank()))
                .orElse(key.defaultValue());
    }

    /** The whole configuration as the job logs it at start (no secrets: credentials never pass through here). */
    public Map<String, String> describe() {
        Map<String, String> described = new LinkedHashMap<>();
        described.put(Key.KAFKA_BOOTSTRAP.conf(), kafkaBootstrap);
        described.put(Key.TOPIC.conf(), topic);
        described.put(Key.STARTING_OFFSETS.conf(), startingOffsets);
        described.put(Key.MAX_OFFSETS_PER_TRIGGER.conf(), String.valueOf(maxOffsetsPerTrigger));
        described.put(Key.TRIGGER.conf(), trigger);
        described.put(Key.INPUT.conf(), input);
        described.put(Key.OUTPUT.conf(), output);
        described.put(Key.CHECKPOINT.conf(), checkpoint);
        described.put(Key.READ_PARALLELISM.conf(), String.valueOf(readParallelism));
        described.put(Key.DEDUP_WINDOW.conf(), dedupWindow);
        described.put(Key.STATE_PARTITIONS.conf(), String.valueOf(stateParallelism));
        described.put(Key.MAX_DOCUMENT_BYTES.conf(), String.valueOf(limits.maxBytes()));
        described.put(Key.MAX_RECORDS_PER_DOCUMENT.conf(), String.valueOf(limits.maxRecords()));
        described.put(Key.MAX_STRING_CHARS.conf(), String.valueOf(limits.maxStringChars()));
        described.put(Key.MAX_NESTING_DEPTH.conf(), String.valueOf(limits.maxNestingDepth()));
        described.put(Key.MAX_NUMBER_CHARS.conf(), String.valueOf(limits.maxNumberChars()));
        described.put("document rows per batch, at most", String.valueOf(maxOffsetsPerTrigger * limits.maxRecords()));
        described.put(Key.MAINTENANCE_INTERVAL.conf(), maintenanceInterval);
        described.put(Key.GLUE_DATABASE.conf(), glue.database());
        described.put(Key.GLUE_REGION.conf(), glue.region());
        described.put(Key.GLUE_ENDPOINT.conf(), glue.endpoint());
        described.put(Key.DRIVER_COMMIT_MAX_ROWS.conf(), String.valueOf(driverCommit.maxRows()));
        described.put(Key.DRIVER_COMMIT_MAX_BYTES.conf(), String.valueOf(driverCommit.maxBytes()));
        described.put(Key.METRICS_PORT.conf(), metrics.enabled() ? String.valueOf(metrics.port()) : "off");
        described.put(Key.METRICS_BIND_ADDRESS.conf(), metrics.bindAddress());
        return described;
    }

    /** {@link #dedupWindow} in milliseconds (a month counts 31 days, as in Spark's watermarks). */
    public long dedupWindowMs() {
        return milliseconds("dedupWindow", dedupWindow);
    }

    /** {@link #maintenanceInterval} in milliseconds; 0 when maintenance is off. */
    public long maintenanceIntervalMs() {
        return maintenanceInterval.strip().equalsIgnoreCase("off")
                ? 0
                : milliseconds("maintenanceInterval", maintenanceInterval);
    }

    private static long milliseconds(String name, String value) {
        CalendarInterval interval;
        try {
            interval = IntervalUtils.fromIntervalString(value);
        } catch (Exception e) { // Spark's parse errors are not all RuntimeExceptions
            throw new IllegalArgumentException(
                    name + " '" + value + "' is not an interval such as '1 hour': " + e.getMessage(), e);
        }
        return IntervalUtils.getDuration(interval, TimeUnit.MILLISECONDS, 31);
    }

    /** The largest document read, in bytes. */
    public long maxDocumentBytes() {
        return limits.maxBytes();
    }

    public String documentsCheckpoint() {
        return checkpoint.replaceAll("/+$", "") + "/documents";
    }

    private void validate() {
        if (dedupWindowMs() <= 0) {
            throw new IllegalArgumentException("dedupWindow must be a positive interval: " + dedupWindow);
        }
        if (maintenanceIntervalMs() < 0) {
            throw new IllegalArgumentException(
                    "maintenanceInterval must be a positive interval or off: " + maintenanceInterval);
        }
        if (readParallelism < 1 || stateParallelism < 1 || maxOffsetsPerTrigger < 1) {
            throw new IllegalArgumentException(
                    "readParallelism, statePartitions and maxOffsetsPerTrigger must be" + " positive: " + describe());
        }
    }

    /** {@code --name=value} or {@code --name value}, names as in {@link Key#argument()}. */
    private static Map<Key, String> parseArguments(List<String> args) {
        Map<Key, String> parsed = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "': use --name=value");
            }
            String name = arg.substring(2);
            String value;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new IllegalArgumentException("argument --" + name + " has no value");
            }
            parsed.put(keyNamed(name), value);
        }
        return parsed;
    }

    private static Key keyNamed(String name) {
        for (Key key : Key.values()) {
            if (key.argument().equals(name)) {
                return key;
            }
        }
        throw new IllegalArgumentException("unknown argument --" + name + "; known: "
                + java.util.Arrays.stream(Key.values())
                        .map(k -> "--" + k.argument())
                        .toList());
    }

    /** A location with a scheme stays as given; a plain path becomes an absolute {@code file:} URI. */
    static String qualified(String location) {
        if (location.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") && !location.matches("^[a-zA-Z]:\\\\.*")) {
            return location;
        }
        return new File(location).getAbsoluteFile().toURI().toString();
    }
}
