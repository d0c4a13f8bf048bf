package io.docstream.job;

import io.docstream.servers.KafkaBroker;
import io.docstream.servers.S3Server;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.SparkSession;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What every job test in this JVM shares, started once: a real Kafka broker, a real S3 server (s3proxy)
 * with the buckets, and one SparkSession configured for both. Child processes end with the JVM
 * (the launchers' shutdown hooks), and each test works under its own topic and prefixes.
 */
public final class TestStack {

    public static final String BUCKET = "docstream";
    static final String OTHER_BUCKET = "elsewhere";

    private static TestStack instance;
    private static final AtomicInteger NAMES = new AtomicInteger();

    public final Path workDir;
    public final KafkaBroker kafka;
    public final S3Server s3;
    public final S3Client s3Client;
    public final SparkSession spark;

    private TestStack(Path workDir) {
        this.workDir = workDir;
        this.kafka = KafkaBroker.start(workDir.resolve("kafka"));
        this.s3 = S3Server.start(workDir.resolve("s3"));
        this.s3Client = S3Client.builder()
                .endpointOverride(URI.create(s3.endpoint()))
                .region(Region.of(s3.region()))
                .forcePathStyle(true)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey())))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
        s3Client.createBucket(b -> b.bucket(BUCKET));
        s3Client.createBucket(b -> b.bucket(OTHER_BUCKET));
        SparkSession.Builder builder = SparkSession.builder()
                .master("local[2]")
                .appName("docstream-job-tests")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1");
        s3aConfs().forEach(builder::config);
        io.docstream.table.DeltaTables.sessionDefaults().forEach(builder::config);
        this.spark = builder.getOrCreate();
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "stop-test-stack"));
    }

    public static synchronized TestStack get() {
        if (instance == null) {
            Path dir = Path.of("target", "test-stack").toAbsolutePath();
            try {
                deleteRecursively(dir);
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            instance = new TestStack(dir);
        }
        return instance;
    }

    /** The standard S3A settings for a local S3 server, as a user passes them with --conf. */
    public Map<String, String> s3aConfs() {
        Map<String, String> confs = new LinkedHashMap<>();
        confs.put("spark.hadoop.fs.s3a.endpoint", s3.endpoint());
        confs.put("spark.hadoop.fs.s3a.path.style.access", "true");
        confs.put("spark.hadoop.fs.s3a.connection.ssl.enabled", "false");
        confs.put("spark.hadoop.fs.s3a.endpoint.region", s3.region());
        confs.put("spark.hadoop.fs.s3a.access.key", s3.accessKey());
        confs.put("spark.hadoop.fs.s3a.secret.key", s3.secretKey());
        return confs;
    }

    /** A fresh name per test (topics, prefixes): tests share the servers but never each other's data. */
    public static String unique(String prefix) {
        return prefix + "-" + System.currentTimeMillis() % 100000 + "-" + NAMES.incrementAndGet();
    }

    /** The job's classes and the test classpath the build wrote: what a child JVM running the job needs. */
    public static String jobClasspath() {
        try {
            String dependencies = Files.readString(
                            Path.of(System.getProperty("docstream.test.classpath.file", "target/test-classpath.txt")))
                    .trim();
            return Path.of("target", "classes").toAbsolutePath() + java.io.File.pathSeparator + dependencies;
        } catch (IOException e) {
            throw new UncheckedIOException("the test classpath file is written by the build", e);
        }
    }

    public void put(String bucket, String key, byte[] bytes) {
        s3Client.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
    }

    private void close() {
        try {
            spark.stop();
        } finally {
            s3Client.close();
            kafka.close();
            s3.close();
        }
    }

    public static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
