package io.docstream.ingest.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.docstream.ingest.config.IngestConfig;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Builds the store that {@code docstream.store.kind} names: the local folder unless told otherwise. */
@ApplicationScoped
public class DocumentStoreProducer {

    /** Uploads run on many worker threads at once; the SDK's default pool of 50 connections is the ceiling. */
    private static final int MAX_S3_CONNECTIONS = 128;

    @Produces
    @ApplicationScoped
    DocumentStore documentStore(IngestConfig config, ObjectMapper json) {
        IngestConfig.Store store = config.store();
        DocumentStore chosen = switch (store.kind()) {
            case local -> new LocalFolderStore(store.local().root(), store.prefix(), store.idempotencyPrefix(), json);
            case s3 ->
                new S3Store(
                        s3Client(store.s3()),
                        store.s3().bucket(),
                        store.prefix(),
                        store.idempotencyPrefix(),
                        store.s3().conditionalWrites());
        };
        Log.infof("documents are stored in the %s under %s", chosen.describe(), store.prefix());
        return chosen;
    }

    void close(@Disposes DocumentStore store) {
        if (store instanceof S3Store s3Store) {
            s3Store.close();
        }
    }

    private static S3Client s3Client(IngestConfig.S3 s3) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(s3.region()))
                .credentialsProvider(credentials(s3))
                .forcePathStyle(s3.pathStyle())
                .overrideConfiguration(c -> c.apiCallTimeout(s3.callTimeout()))
                // Uploads carry the SHA-256 already computed while they streamed in (S3Store.putRequest).
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(MAX_S3_CONNECTIONS));
        s3.endpoint().map(URI::create).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(IngestConfig.S3 s3) {
        if (s3.accessKeyId().isPresent() && s3.secretAccessKey().isPresent()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    s3.accessKeyId().get(), s3.secretAccessKey().get()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
