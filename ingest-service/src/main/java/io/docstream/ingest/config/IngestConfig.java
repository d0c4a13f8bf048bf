package io.docstream.ingest.config;

import io.docstream.limits.DocumentLimits;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every setting of the ingest service, under {@code docstream.*}; each can be overridden by its
 * environment variable (e.g. {@code docstream.store.kind} by {@code DOCSTREAM_STORE_KIND}).
 */
@ConfigMapping(prefix = "docstream")
public interface IngestConfig {

    /** The Kafka topic the arrivals are announced on. */
    @WithDefault("document-arrivals")
    String topic();

    Store store();

    Upload upload();

    Auth auth();

    Announce announce();

    Health health();

    Http http();

    Status status();

    /** Documents' outcomes, consumed from the job's document-outcomes topic, and the status answers built on them. */
    interface Status {
        /** The topic the job publishes each committed document's outcome on. */
        @WithDefault("document-outcomes")
        String topic();

        /** The consumer group the replicas share: each outcome is recorded once, by one of them. */
        @WithName("group-id")
        @WithDefault("docstream-ingest-status")
        String groupId();

        /** Key prefix of the status records: {@code <prefix><doc_id>.json} and {@code <prefix><doc_id>.replay.json}. */
        @WithDefault("document-status/")
        String prefix();

        /**
         * The longest {@code ?wait=} a status request is held; also kept 5 s under quarkus.http.idle-timeout, which
         * would end the request first.
         */
        @WithName("max-wait")
        @WithDefault("25s")
        Duration maxWait();

        /** How often a held status request re-reads the store, for outcomes another replica recorded. */
        @WithName("poll-interval")
        @WithDefault("1s")
        Duration pollInterval();
    }

    interface Http {
        /** Longest request URI served; longer ones are answered 414 URI_TOO_LONG with a JSON body. */
        @WithName("max-uri-chars")
        @WithDefault("4096")
        int maxUriChars();

        /** How long after its headers an upload's body may take to start arriving; past it, 408. */
        @WithName("body-start-timeout")
        @WithDefault("10s")
        Duration bodyStartTimeout();

        /**
         * The least an upload's body must arrive at, in bytes per second, averaged over every trailing
         * {@link #bodyRateWindow()}; below it, 408. 0 turns the check off.
         */
        @WithName("min-body-rate")
        @WithDefault("500")
        long minBodyRate();

        /** The span {@link #minBodyRate()} is averaged over; also how long a body is given before it is judged. */
        @WithName("body-rate-window")
        @WithDefault("20s")
        Duration bodyRateWindow();

        /**
         * The service's public base URL (e.g. {@code https://ingest.example.com}) for Location headers;
         * unset, Location is the path alone ({@code /documents/<doc_id>}), never built from the Host header.
         */
        @WithName("public-base-url")
        Optional<String> publicBaseUrl();
    }

    interface Health {
        /** How long the readiness check waits for the Kafka cluster to answer. */
        @WithName("kafka-timeout")
        @WithDefault("2s")
        Duration kafkaTimeout();

        /** How long the readiness check waits for the object store to answer. */
        @WithName("store-timeout")
        @WithDefault("2s")
        Duration storeTimeout();
    }

    interface Store {
        /** {@code local} (a folder, the default so the service starts with nothing configured) or {@code s3}. */
        @WithDefault("local")
        StoreKind kind();

        /** Key prefix of the stored documents: objects land at {@code <prefix><doc_id>/<file_name>}. */
        @WithDefault("incoming/")
        String prefix();

        /** Key prefix of the Idempotency-Key records (key hash → doc_id). */
        @WithName("idempotency-prefix")
        @WithDefault("idempotency-keys/")
        String idempotencyPrefix();

        Local local();

        S3 s3();
    }

    enum StoreKind {
        local,
        s3
    }

    interface Local {
        @WithDefault(".docstream/ingest-store")
        Path root();
    }

    interface S3 {
        @WithDefault("docstream-input")
        String bucket();

        @WithDefault("us-east-1")
        String region();

        /** Endpoint of an S3-compatible server (s3proxy, MinIO); unset for AWS itself. */
        Optional<String> endpoint();

        /** Path-style addressing ({@code http://host/bucket/key}), needed by most S3-compatible servers. */
        @WithName("path-style")
        @WithDefault("false")
        boolean pathStyle();

        /** Static credentials, for S3-compatible servers; when unset the SDK's default credential chain applies. */
        @WithName("access-key-id")
        Optional<String> accessKeyId();

        @WithName("secret-access-key")
        Optional<String> secretAccessKey();

        /** Deadline of one S3 call, retries included: past it the upload is answered 503 STORE_UNAVAILABLE. */
        @WithName("call-timeout")
        @WithDefault("30s")
        Duration callTimeout();

        /**
         * Store a new document with one conditional PUT ({@code If-None-Match: *}). Turn off for an
         * S3-compatible server that ignores the header: then a HEAD precedes every PUT.
         */
        @WithName("conditional-writes")
        @WithDefault("true")
        boolean conditionalWrites();
    }

    interface Upload {
        /** Largest accepted document, in bytes (default 50 MiB). */
        @WithName("max-bytes")
        @WithDefault(DocumentLimits.DEFAULT_MAX_BYTES)
        long maxBytes();

        /** Most records one JSON document may hold; more is answered 413 TOO_MANY_RECORDS. */
        @WithName("max-records")
        @WithDefault(DocumentLimits.DEFAULT_MAX_RECORDS)
        int maxRecords();

        /** Longest JSON string (value or field name) in characters; past it, 422 JSON_LIMIT_EXCEEDED. */
        @WithName("max-string-chars")
        @WithDefault(DocumentLimits.DEFAULT_MAX_STRING_CHARS)
        int maxStringChars();

        /** Deepest nesting of JSON arrays and objects; past it, 422 JSON_LIMIT_EXCEEDED. */
        @WithName("max-nesting-depth")
        @WithDefault(DocumentLimits.DEFAULT_MAX_NESTING_DEPTH)
        int maxNestingDepth();

        /** Longest JSON number in characters; past it, 422 JSON_LIMIT_EXCEEDED. */
        @WithName("max-number-chars")
        @WithDefault(DocumentLimits.DEFAULT_MAX_NUMBER_CHARS)
        int maxNumberChars();

        /** The limits above, as the job is given them too. */
        default DocumentLimits limits() {
            return new DocumentLimits(maxBytes(), maxStringChars(), maxNestingDepth(), maxNumberChars(), maxRecords());
        }

        /** Bodies up to this many bytes are checked in memory; larger ones spill to a spool file. */
        @WithName("memory-threshold")
        @WithDefault("65536")
        int memoryThreshold();

        /** Where upload bodies are spooled while they are counted, digested and checked. */
        @WithName("spool-dir")
        Optional<Path> spoolDir();
    }

    interface Auth {
        @WithDefault("true")
        boolean enabled();

        /** Accepted API keys, comma separated (e.g. from the environment, DOCSTREAM_AUTH_API_KEYS). */
        @WithName("api-keys")
        Optional<List<String>> apiKeys();

        /**
         * A file of further accepted keys, one per line ({@code #} starts a comment line), re-read every
         * {@link #apiKeysReloadPeriod()}: keys can be added and revoked without a restart (a mounted Secret).
         */
        @WithName("api-keys-file")
        Optional<Path> apiKeysFile();

        /** How often {@link #apiKeysFile()} is re-read. */
        @WithName("api-keys-reload-period")
        @WithDefault("10s")
        Duration apiKeysReloadPeriod();
    }

    interface Announce {
        /** How long an upload waits for the broker's acknowledgement before answering 503. */
        @WithName("ack-timeout")
        @WithDefault("10s")
        Duration ackTimeout();

        /** The Retry-After (seconds) sent with a 503. */
        @WithName("retry-after")
        @WithDefault("5")
        int retryAfterSeconds();
    }
}
