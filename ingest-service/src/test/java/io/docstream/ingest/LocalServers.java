package io.docstream.ingest;

import io.docstream.servers.KafkaBroker;
import io.docstream.servers.S3Server;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The suite's real servers, started once per Quarkus start: a Kafka broker and an S3 server (s3proxy)
 * as child processes, the bucket and the topic created, the service pointed at them.
 */
public class LocalServers implements QuarkusTestResourceLifecycleManager {

    public static final String BUCKET = "docstream-test";
    public static final String TOPIC = "document-arrivals-test";
    public static final String OUTCOMES_TOPIC = "document-outcomes-test";

    private static volatile KafkaBroker broker;
    private static volatile S3Server s3;
    private static volatile Path workDir;
    private static volatile SecretVolume apiKeys;

    /** The content the API keys file starts with: {@link Api#FILE_KEY} and a comment. */
    public static final String API_KEYS_FILE = "# keys of the ingest tests' file-based client\n" + Api.FILE_KEY + "\n";

    /** The running broker, for the tests that take it down and bring it back. */
    public static KafkaBroker broker() {
        return broker;
    }

    /** The running S3 server, for the tests that pause it. */
    public static S3Server s3() {
        return s3;
    }

    public static S3Client s3Client() {
        return S3Client.builder()
                .endpointOverride(URI.create(s3.endpoint()))
                .region(Region.of(s3.region()))
                .forcePathStyle(true)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey())))
                .httpClient(ApacheHttpClient.create())
                .build();
    }

    /** The mounted-Secret-like folder the service reads {@code docstream.auth.api-keys-file} from. */
    public static SecretVolume apiKeys() {
        return apiKeys;
    }

    public static Path localStoreRoot() {
        return workDir.resolve("local-store");
    }

    public static Path spoolDir() {
        return workDir.resolve("spool");
    }

    @Override
    public Map<String, String> start() {
        try {
            workDir = Files.createTempDirectory("ingest-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        broker = KafkaBroker.start(workDir.resolve("kafka"));
        s3 = S3Server.start(workDir.resolve("s3"));
        try (S3Client client = s3Client()) {
            client.createBucket(r -> r.bucket(BUCKET));
        }
        createTopics();
        apiKeys = SecretVolume.create(workDir.resolve("api-keys"), "api-keys", API_KEYS_FILE);
        return Map.ofEntries(
                Map.entry("docstream.auth.api-keys-file", apiKeys.file().toString()),
                Map.entry("kafka.bootstrap.servers", broker.bootstrapServers()),
                Map.entry("docstream.topic", TOPIC),
                Map.entry("docstream.status.topic", OUTCOMES_TOPIC),
                Map.entry("docstream.store.kind", "s3"),
                Map.entry("docstream.store.s3.bucket", BUCKET),
                Map.entry("docstream.store.s3.endpoint", s3.endpoint()),
                Map.entry("docstream.store.s3.path-style", "true"),
                Map.entry("docstream.store.s3.region", s3.region()),
                Map.entry("docstream.store.s3.access-key-id", s3.accessKey()),
                Map.entry("docstream.store.s3.secret-access-key", s3.secretKey()),
                Map.entry("docstream.store.local.root", localStoreRoot().toString()),
                Map.entry("docstream.upload.spool-dir", spoolDir().toString()));
    }

    @Override
    public void stop() {
        try (S3Server s3Server = s3;
                KafkaBroker kafka = broker) {
            // closed in reverse order by try-with-resources
        } finally {
            deleteTree(workDir);
        }
    }

    private static void createTopics() {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1), new NewTopic(OUTCOMES_TOPIC, 2, (short) 1)))
                    .all()
                    .get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create topics " + TOPIC + ", " + OUTCOMES_TOPIC, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
