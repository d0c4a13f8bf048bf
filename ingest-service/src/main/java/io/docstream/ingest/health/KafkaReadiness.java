package io.docstream.ingest.health;

import io.docstream.ingest.config.IngestConfig;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the Kafka cluster answers within {@code docstream.health.kafka-timeout}. Our own
 * check rather than quarkus-kafka-client's: that one did not answer at all while the broker was down
 * (the readiness request timed out instead of saying DOWN).
 */
@Readiness
@ApplicationScoped
public class KafkaReadiness implements HealthCheck {

    private final Admin admin;
    private final int timeoutMs;
    private final Object bootstrapServers;

    public KafkaReadiness(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, IngestConfig config) {
        this.timeoutMs = Math.toIntExact(config.health().kafkaTimeout().toMillis());
        this.bootstrapServers = kafkaConfig.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
        Map<String, Object> adminConfig = new HashMap<>();
        adminConfig.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        kafkaConfig.forEach((key, value) -> {
            // Security settings (SASL, TLS) apply to the admin connection too; producer tuning does not.
            if (key.startsWith("security.") || key.startsWith("sasl.") || key.startsWith("ssl.")) {
                adminConfig.put(key, value);
            }
        });
        adminConfig.put(AdminClientConfig.CLIENT_ID_CONFIG, "docstream-ingest-health");
        adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        this.admin = Admin.create(adminConfig);
    }

    @Override
    public HealthCheckResponse call() {
        try {
            Collection<Node> nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs))
                    .nodes()
                    .get(timeoutMs + 500L, TimeUnit.MILLISECONDS);
            return HealthCheckResponse.named("kafka")
                    .up()
                    .withData("bootstrap.servers", String.valueOf(bootstrapServers))
                    .withData("nodes", nodes.size())
                    .build();
        } catch (ExecutionException | TimeoutException e) {
            return down(
                    e instanceof ExecutionException ? e.getCause().toString() : "no answer in " + timeoutMs + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("interrupted");
        }
    }

    @PreDestroy
    void close() {
        admin.close();
    }

    private HealthCheckResponse down(String error) {
        return HealthCheckResponse.named("kafka")
                .down()
                .withData("bootstrap.servers", String.valueOf(bootstrapServers))
                .withData("error", error)
                .build();
    }
}
