package io.docstream.demo;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration the demo hands to the ingest service (Quarkus properties) and to the streaming job
 * and its queries (Spark confs), derived from one set of choices so that both sides agree.
 */
public record PipelineSettings(
        DemoOptions.Store store,
        Path stateDir,
        String kafkaBootstrap,
        String s3Endpoint,
        String s3AccessKey,
        String s3SecretKey,
        int httpPort,
        String apiKey) {

    /** Where the ingest service stores uploads in the bucket. */
    static final String INPUT_PREFIX = "incoming/";

    public static final String BUCKET = "docstream";
    static final String TOPIC = "document-arrivals";

    public Path localInputDir() {
        return stateDir.resolve("store/input");
    }

    private String root() {
        return store == DemoOptions.Store.S3
                ? "s3a://" + BUCKET + "/"
                : stateDir.resolve("store").toUri().toString();
    }

    public String inputLocation() {
        return store == DemoOptions.Store.S3
                ? root() + INPUT_PREFIX
                : localInputDir().toUri().toString();
    }

    public String outputLocation() {
        return root() + "tables";
    }

    public String checkpointLocation() {
        return root() + "checkpoints";
    }

    /** The folder where stored uploads appear on this machine, S3 or not: the input prefix as plain files. */
    public Path inputFolderOnDisk() {
        return store == DemoOptions.Store.S3
                ? stateDir.resolve("s3/buckets/" + BUCKET + "/" + INPUT_PREFIX)
                : localInputDir();
    }

    /** The folder where committed table files appear on this machine, S3 or not (s3proxy keeps plain files). */
    public Path tableFolderOnDisk() {
        return store == DemoOptions.Store.S3
                ? stateDir.resolve("s3/buckets/" + BUCKET + "/tables")
                : stateDir.resolve("store/tables");
    }

    Map<String, String> ingestProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("quarkus.http.host", "127.0.0.1");
        properties.put("quarkus.http.port", String.valueOf(httpPort));
        properties.put("kafka.bootstrap.servers", kafkaBootstrap);
        properties.put("docstream.topic", TOPIC);
        properties.put("docstream.auth.enabled", "true");
        properties.put("docstream.store.prefix", INPUT_PREFIX);
        if (store == DemoOptions.Store.S3) {
            properties.put("docstream.store.kind", "s3");
            properties.put("docstream.store.s3.bucket", BUCKET);
            properties.put("docstream.store.s3.endpoint", s3Endpoint);
            properties.put("docstream.store.s3.path-style", "true");
            properties.put("docstream.store.s3.region", "us-east-1");
        } else {
            properties.put("docstream.store.kind", "local");
            properties.put("docstream.store.local.root", localInputDir().toString());
        }
        return properties;
    }

    public Map<String, String> jobConfs() {
        Map<String, String> confs = new LinkedHashMap<>(queryConfs());
        confs.put("spark.docstream.kafka.bootstrap", kafkaBootstrap);
        confs.put("spark.docstream.topic", TOPIC);
        confs.put("spark.docstream.input", inputLocation());
        confs.put("spark.docstream.checkpoint", checkpointLocation());
        // The samples are uploaded before the job has subscribed: it reads the topic from its start, unless the
        // user chose otherwise. The trigger and every other setting are the job's own (its defaults, or DOCSTREAM_*).
        if (System.getenv("DOCSTREAM_STARTING_OFFSETS") == null) {
            confs.put("spark.docstream.startingOffsets", "earliest");
        }
        return confs;
    }

    public Map<String, String> queryConfs() {
        Map<String, String> confs = new LinkedHashMap<>();
        confs.put("spark.docstream.output", outputLocation());
        confs.put("spark.ui.enabled", "false");
        confs.put("spark.driver.host", "127.0.0.1");
        confs.put("spark.driver.bindAddress", "127.0.0.1");
        confs.put("spark.sql.shuffle.partitions", "2");
        if (store == DemoOptions.Store.S3) {
            confs.put("spark.hadoop.fs.s3a.endpoint", s3Endpoint);
            confs.put("spark.hadoop.fs.s3a.path.style.access", "true");
            confs.put("spark.hadoop.fs.s3a.connection.ssl.enabled", "false");
            confs.put("spark.hadoop.fs.s3a.endpoint.region", "us-east-1");
        }
        return confs;
    }

    /** The ingest service's secrets: the API key and the S3 credentials, as environment variables. */
    Map<String, String> ingestEnvironment() {
        Map<String, String> env = new LinkedHashMap<>(awsEnvironment());
        env.put("DOCSTREAM_AUTH_API_KEYS", apiKey);
        return env;
    }

    /** Credentials travel as the AWS SDK's standard environment variables, never as arguments. */
    Map<String, String> awsEnvironment() {
        if (store != DemoOptions.Store.S3) {
            return Map.of();
        }
        return Map.of(
                "AWS_ACCESS_KEY_ID", s3AccessKey, "AWS_SECRET_ACCESS_KEY", s3SecretKey, "AWS_REGION", "us-east-1");
    }

    static List<String> asSystemProperties(Map<String, String> properties) {
        return properties.entrySet().stream()
                .map(e -> "-D" + e.getKey() + "=" + e.getValue())
                .toList();
    }
}
