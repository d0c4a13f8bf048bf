package io.docstream.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docstream.deploy.KubeChecks.Flavor;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The checks can fail: each test plants one deliberate mistake in a copy of the real
 * docker-compose.yaml or rendered overlay and expects the matching check to report it.
 */
class ChecksCatchMistakesTest {
    /** application.properties as the ingest service's brief names its settings. */
    static final IngestConfig INGEST = new IngestConfig("""
      quarkus.http.port=8080
      docstream.store.kind=local
      docstream.store.local.root=/var/lib/docstream
      docstream.store.s3.bucket=docstream
      docstream.store.prefix=incoming/
      docstream.store.s3.endpoint=
      docstream.store.s3.path-style=false
      docstream.store.s3.region=us-east-1
      docstream.topic=document-arrivals
      docstream.status.topic=document-outcomes
      kafka.bootstrap.servers=localhost:9092
      docstream.auth.enabled=true
      docstream.auth.api-keys-file=
      %test.docstream.auth.api-keys=k1
      %test.docstream.upload.max-bytes=1000
      """);

    static final JobInfo JOB = JobInfo.of(
            Set.of(
                    "spark.docstream.kafka.bootstrap",
                    "spark.docstream.topic",
                    "spark.docstream.outcomes.topic",
                    "spark.docstream.input",
                    "spark.docstream.output",
                    "spark.docstream.checkpoint",
                    "spark.docstream.trigger",
                    "spark.docstream.startingOffsets",
                    "spark.docstream.maxOffsetsPerTrigger",
                    "spark.docstream.maxDocumentBytes",
                    "spark.docstream.metrics.port",
                    "spark.docstream.metrics.bindAddress"),
            Set.of("io.docstream.job.DocumentsStream"));

    static {
        JOB.defaults.put("spark.docstream.maxDocumentBytes", "52428800");
    }

    // ------------------------------------------------------------------ docker-compose

    private static Compose compose(Consumer<ObjectNode> services) {
        JsonNode raw = Compose.parse(Repo.read(Compose.FILE));
        services.accept((ObjectNode) raw.path("services"));
        return new Compose(raw);
    }

    private static ObjectNode env(ObjectNode services, String svc) {
        return (ObjectNode) services.path(svc).path("environment");
    }

    private static ArrayNode command(ObjectNode services, String svc) {
        return (ArrayNode) services.path(svc).path("command");
    }

    private static void replaceInCommand(ObjectNode services, String svc, String from, String to) {
        ArrayNode cmd = command(services, svc);
        for (int i = 0; i < cmd.size(); i++) {
            cmd.set(i, cmd.get(i).asText().replace(from, to));
        }
    }

    @Test
    void theRealComposeFilePassesTheSyntheticConfigurations() {
        ComposeChecks c = new ComposeChecks(Compose.fromRepo());
        assertTrue(
                c.ingest(Optional.of(INGEST)).isEmpty(),
                () -> c.ingest(Optional.of(INGEST)).toString());
        assertTrue(
                c.spark(Optional.of("4.2.0"), Optional.of(JOB)).isEmpty(),
                () -> c.spark(Optional.of("4.2.0"), Optional.of(JOB)).toString());
    }

    @Test
    void composeWrongBucketForTheIngestService() {
        Problems p = new ComposeChecks(
                        compose(s -> env(s, "ingest-service").put("DOCSTREAM_STORE_S3_BUCKET", "docstream-input")))
                .bucketAndEndpoint();
        assertTrue(p.mentions("DOCSTREAM_STORE_S3_BUCKET"), p::toString);
    }

    @Test
    void composeWrongBucketForTheJob() {
        Problems p = new ComposeChecks(compose(
                        s -> replaceInCommand(s, "streaming-job", "s3a://docstream/tables/", "s3a://other/tables/")))
                .bucketAndEndpoint();
        assertTrue(p.mentions("spark.docstream.output"), p::toString);
    }

    @Test
    void composePrometheusScrapesAnotherPortThanTheJobServesMetricsOn() {
        Compose c = compose(s -> replaceInCommand(
                s, "streaming-job", "spark.docstream.metrics.port=9464", "spark.docstream.metrics.port=9500"));
        Problems p = MonitoringChecks.compose(c);
        assertTrue(p.mentions("target of job docstream-streaming-job"), p::toString);
    }

    @Test
    void composeHistoryServerReadsAnotherFolderThanTheJobWritesEventLogsTo() {
        Compose c = compose(s -> replaceInCommand(
                s,
                "streaming-job",
                "spark.eventLog.dir=s3a://docstream/spark-events/",
                "spark.eventLog.dir=s3a://docstream/events/"));
        Problems p = MonitoringChecks.compose(c);
        assertTrue(p.mentions("spark-history does not read"), p::toString);
        assertTrue(p.mentions("minio-init does not create"), p::toString);
    }

    @Test
    void kubeJobPodAnnotatedWithAnotherPortThanItsMetrics() {
        List<JsonNode> docs = KubernetesTest.rendered(Flavor.LOCAL).docsCopy();
        ((ObjectNode) find(docs, "Deployment", "docstream-streaming-job").at("/spec/template/metadata/annotations"))
                .put("prometheus.io/port", "4040");
        Problems p = MonitoringChecks.kube(new Rendered("mutated local", docs), Flavor.LOCAL);
        assertTrue(p.mentions("docstream-streaming-job prometheus.io/port"), p::toString);
    }

    @Test
    void composeWorkerWithThreeCores() {
        Problems p = new ComposeChecks(compose(s -> env(s, "spark-worker-3").put("SPARK_WORKER_CORES", "3")))
                .spark(Optional.empty(), Optional.empty());
        assertTrue(p.mentions("spark-worker-3 SPARK_WORKER_CORES"), p::toString);
    }

    @Test
    void composeOnlyThreeWorkers() {
        Problems p =
                new ComposeChecks(compose(s -> s.remove("spark-worker-4"))).spark(Optional.empty(), Optional.empty());
        assertTrue(p.mentions("number of Spark workers"), p::toString);
    }

    @Test
    void composeSparkImageOtherThanTheJobsSparkVersion() {
        Problems p = new ComposeChecks(Compose.fromRepo()).spark(Optional.of("4.1.0"), Optional.empty());
        assertTrue(p.mentions("<spark.version>"), p::toString);
    }

    @Test
    void composeJobSubmittedToAnotherMaster() {
        Problems p = new ComposeChecks(compose(s ->
                        replaceInCommand(s, "streaming-job", "spark://spark-master:7077", "spark://spark-master:7078")))
                .spark(Optional.empty(), Optional.empty());
        assertTrue(p.mentions("--master"), p::toString);
    }

    @Test
    void composeUnknownJobKeyAndMainClass() {
        Problems p = new ComposeChecks(compose(s -> {
                    replaceInCommand(
                            s, "streaming-job", "spark.docstream.trigger=", "spark.docstream.trigger-interval=");
                    replaceInCommand(s, "streaming-job", "io.docstream.job.DocumentsStream", "io.docstream.job.Main");
                }))
                .spark(Optional.empty(), Optional.of(JOB));
        assertTrue(p.mentions("spark.docstream.trigger-interval"), p::toString);
        assertTrue(p.mentions("--class io.docstream.job.Main"), p::toString);
    }

    @Test
    void composeS3aCredentialProviderThatDoesNotExist() {
        Problems p = new ComposeChecks(compose(s -> {
                    ArrayNode cmd = command(s, "streaming-job");
                    cmd.insert(cmd.size() - 1, "--conf");
                    cmd.insert(
                            cmd.size() - 1,
                            "spark.hadoop.fs.s3a.aws.credentials.provider=org.apache.hadoop.fs.s3a.auth.EnvironmentVariableCredentialsProvider");
                }))
                .spark(Optional.empty(), Optional.empty());
        assertTrue(p.mentions("EnvironmentVariableCredentialsProvider is no S3A"), p::toString);
    }

    @Test
    void composeIngestAcceptsBiggerDocumentsThanTheJobReads() {
        Problems p = new ComposeChecks(
                        compose(s -> env(s, "ingest-service").put("DOCSTREAM_UPLOAD_MAX_BYTES", "104857600")))
                .spark(Optional.empty(), Optional.of(JOB));
        assertTrue(p.mentions("bigger uploads would be quarantined"), p::toString);
    }

    @Test
    void composeAdvertisedListenerNobodyUses() {
        Problems p = new ComposeChecks(compose(s -> env(s, "kafka")
                        .put("KAFKA_ADVERTISED_LISTENERS", "PLAINTEXT://broker:9092,HOST://localhost:29092")))
                .kafka();
        assertTrue(
                p.mentions("KAFKA_BOOTSTRAP_SERVERS=kafka:9092")
                        || p.mentions("ingest-service KAFKA_BOOTSTRAP_SERVERS"),
                p::toString);
    }

    @Test
    void composeTopicCreatedIsNotTheOneUsed() {
        Problems p = new ComposeChecks(compose(s -> {
                    ArrayNode cmd = command(s, "kafka-init");
                    cmd.set(0, cmd.get(0).asText().replace("--topic document-arrivals", "--topic document-arrival"));
                }))
                .topic(Optional.of(INGEST));
        assertTrue(p.mentions("topic created by kafka-init"), p::toString);
    }

    @Test
    void composeOutcomesTopicNotCreatedOrNotTheOneTheIngestServiceReads() {
        Problems notCreated = new ComposeChecks(compose(s -> {
                    ArrayNode cmd = command(s, "kafka-init");
                    cmd.set(0, cmd.get(0).asText().replace("--topic document-outcomes", "--topic document-outcome"));
                }))
                .outcomesTopic(Optional.of(INGEST));
        assertTrue(notCreated.mentions("kafka-init does not create document-outcomes"), notCreated::toString);
        Problems elsewhere = new ComposeChecks(
                        compose(s -> env(s, "ingest-service").put("DOCSTREAM_STATUS_TOPIC", "outcomes")))
                .outcomesTopic(Optional.of(INGEST));
        assertTrue(elsewhere.mentions("ingest-service outcomes topic"), elsewhere::toString);
    }

    @Test
    void composeEnvNameTheIngestServiceDoesNotKnow() {
        Problems p = new ComposeChecks(
                        compose(s -> env(s, "ingest-service").put("DOCSTREAM_STORE_S3_BUKET", "docstream")))
                .ingest(Optional.of(INGEST));
        assertTrue(p.mentions("DOCSTREAM_STORE_S3_BUKET"), p::toString);
    }

    @Test
    void composeIngestPortNotPublished() {
        Problems p = new ComposeChecks(
                        compose(s -> ((ArrayNode) s.path("ingest-service").path("ports"))
                                .set(0, com.fasterxml.jackson.databind.node.TextNode.valueOf("8080:8081"))))
                .ingest(Optional.of(INGEST));
        assertTrue(p.mentions("container port 8080"), p::toString);
    }

    @Test
    void composeLiteralPassword() {
        Problems p = new ComposeChecks(compose(s -> env(s, "minio").put("MINIO_ROOT_PASSWORD", "hunter2hunter2")))
                .credentials();
        assertTrue(p.mentions("MINIO_ROOT_PASSWORD is a literal"), p::toString);
    }

    @Test
    void composeHealthyConditionOnAServiceWithoutHealthcheck() {
        Problems p = new ComposeChecks(compose(s -> ((ObjectNode) s.path("minio")).remove("healthcheck"))).topology();
        assertTrue(p.mentions("minio has no healthcheck"), p::toString);
    }

    // ------------------------------------------------------------------ Kubernetes

    private static List<JsonNode> local() {
        return KubernetesTest.rendered(Flavor.LOCAL).docsCopy();
    }

    private static ObjectNode find(List<JsonNode> docs, String kind, String name) {
        return (ObjectNode) docs.stream()
                .filter(d -> d.path("kind").asText().equals(kind)
                        && d.path("metadata").path("name").asText().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static ObjectNode container(List<JsonNode> docs, String deployment) {
        return (ObjectNode) find(docs, "Deployment", deployment).at("/spec/template/spec/containers/0");
    }

    private static KubeChecks checks(List<JsonNode> docs) {
        return new KubeChecks(new Rendered("mutated local", docs), Flavor.LOCAL);
    }

    @Test
    void modelRejectsAMisspelledField() {
        List<JsonNode> docs = local();
        ObjectNode spec =
                (ObjectNode) find(docs, "Deployment", "docstream-ingest").path("spec");
        spec.set("replica", spec.remove("replicas"));
        container(docs, "docstream-streaming-job").put("imagePulPolicy", "Always");
        Problems p = new Rendered("mutated", docs).modelProblems;
        assertTrue(p.mentions("unknown field(s) [replica]"), p::toString);
        assertTrue(p.mentions("unknown field(s) [imagePulPolicy]"), p::toString);
    }

    @Test
    void modelRejectsAWrongType() {
        List<JsonNode> docs = local();
        ((ObjectNode) find(docs, "Deployment", "docstream-ingest").path("spec")).put("replicas", "two");
        Problems p = new Rendered("mutated", docs).modelProblems;
        assertTrue(p.mentions("does not fit the Deployment model"), p::toString);
    }

    @Test
    void modelRejectsAnUnknownKind() {
        List<JsonNode> docs = local();
        find(docs, "Deployment", "docstream-ingest").put("apiVersion", "apps/v1beta1");
        Problems p = new Rendered("mutated", docs).modelProblems;
        assertTrue(p.mentions("no model for apps/v1beta1/Deployment"), p::toString);
    }

    @Test
    void k8sReadinessProbeOnTheWrongPath() {
        List<JsonNode> docs = local();
        ((ObjectNode) container(docs, "docstream-ingest").at("/readinessProbe/httpGet")).put("path", "/q/health");
        Problems p = checks(docs).ingest(Optional.of(INGEST));
        assertTrue(p.mentions("readinessProbe path"), p::toString);
    }

    @Test
    void k8sLivenessProbeOnAnUndeclaredPort() {
        List<JsonNode> docs = local();
        ((ObjectNode) container(docs, "docstream-ingest").at("/livenessProbe/httpGet")).put("port", 9090);
        Problems p = checks(docs).ingest(Optional.of(INGEST));
        assertTrue(p.mentions("livenessProbe port"), p::toString);
    }

    @Test
    void k8sConfigMapKeyTheIngestServiceDoesNotKnow() {
        List<JsonNode> docs = local();
        ((ObjectNode) find(docs, "ConfigMap", "docstream-ingest").path("data")).put("DOCSTREAM_UPLOAD_MAXBYTES", "10");
        Problems p = checks(docs).ingest(Optional.of(INGEST));
        assertTrue(p.mentions("DOCSTREAM_UPLOAD_MAXBYTES maps to no property"), p::toString);
    }

    @Test
    void k8sSecretWithDataInGit() {
        List<JsonNode> docs = local();
        ObjectNode secret = find(docs, "Namespace", "docstream").deepCopy();
        secret.put("kind", "Secret");
        ((ObjectNode) secret.path("metadata"))
                .put("name", "docstream-s3-credentials")
                .put("namespace", "docstream");
        secret.putObject("stringData").put("AWS_SECRET_ACCESS_KEY", "minioadmin");
        docs.add(secret);
        Problems p = checks(docs).secrets();
        assertTrue(p.mentions("carries data in git"), p::toString);
    }

    @Test
    void k8sSecretReferenceToAnUndocumentedSecret() {
        List<JsonNode> docs = local();
        ObjectNode ref = (ObjectNode) container(docs, "docstream-ingest").at("/env/1/valueFrom/secretKeyRef");
        ref.put("name", "s3-creds");
        Problems p = checks(docs).secrets();
        assertTrue(p.mentions("secret name: 's3-creds' is none of the documented Secrets"), p::toString);
    }

    @Test
    void k8sApiKeysMountedWithASubPath() {
        List<JsonNode> docs = local();
        for (JsonNode mount : container(docs, "docstream-ingest").path("volumeMounts")) {
            if (mount.path("name").asText().equals("api-keys")) {
                ((ObjectNode) mount).put("subPath", "api-keys");
            }
        }
        Problems p = checks(docs).ingest(Optional.of(INGEST));
        assertTrue(p.mentions("mounted with a subPath"), p::toString);
    }

    @Test
    void k8sApiKeysFileThatTheSecretDoesNotProvide() {
        List<JsonNode> docs = local();
        ObjectNode env = (ObjectNode) container(docs, "docstream-ingest").at("/env/0");
        assertTrue(env.path("name").asText().equals("DOCSTREAM_AUTH_API_KEYS_FILE"), env::toString);
        env.put("value", "/etc/docstream/api-keys/keys");
        Problems p = checks(docs).ingest(Optional.of(INGEST));
        assertTrue(p.mentions("is not the key api-keys of the Secret docstream-api-keys"), p::toString);
    }

    @Test
    void k8sApiKeysVolumeWithoutItemsMountsUndocumentedKeys() {
        List<JsonNode> docs = local();
        for (JsonNode volume : find(docs, "Deployment", "docstream-ingest").at("/spec/template/spec/volumes")) {
            if (volume.has("secret")) {
                ((ObjectNode) volume.path("secret")).remove("items");
            }
        }
        Problems p = checks(docs).secrets();
        assertTrue(p.mentions("uses key '<all keys>' of docstream-api-keys"), p::toString);
    }

    @Test
    void k8sServiceSelectingNoPod() {
        List<JsonNode> docs = local();
        ((ObjectNode) find(docs, "Service", "docstream-ingest").at("/spec/selector"))
                .put("app.kubernetes.io/name", "ingest");
        Problems p = checks(docs).selectorsAndPorts();
        assertTrue(p.mentions("Service docstream-ingest selector"), p::toString);
    }

    @Test
    void k8sJobServiceAccountNotBound() {
        List<JsonNode> docs = local();
        ((ObjectNode) find(docs, "RoleBinding", "docstream-spark-driver").at("/subjects/0")).put("name", "default");
        Problems p = checks(docs).job(Optional.of(JOB), Optional.of(INGEST));
        assertTrue(p.mentions("no RoleBinding binds ServiceAccount docstream-streaming-job"), p::toString);
    }

    @Test
    void k8sRoleWithoutWatch() {
        List<JsonNode> docs = local();
        ArrayNode verbs =
                (ArrayNode) find(docs, "Role", "docstream-spark-driver").at("/rules/0/verbs");
        for (int i = verbs.size() - 1; i >= 0; i--) {
            if (verbs.get(i).asText().equals("watch")) {
                verbs.remove(i);
            }
        }
        Problems p = checks(docs).job(Optional.of(JOB), Optional.of(INGEST));
        assertTrue(p.mentions("on pods, needs create/delete/get/list/watch"), p::toString);
    }

    @Test
    void k8sJobRollingUpdate() {
        List<JsonNode> docs = local();
        ((ObjectNode) find(docs, "Deployment", "docstream-streaming-job").at("/spec/strategy"))
                .put("type", "RollingUpdate");
        Problems p = checks(docs).job(Optional.of(JOB), Optional.of(INGEST));
        assertTrue(p.mentions("job strategy"), p::toString);
    }

    @Test
    void k8sJobTalksToAnotherKafkaThanTheIngestService() {
        List<JsonNode> docs = local();
        ObjectNode data = (ObjectNode) find(docs, "ConfigMap", "docstream-job").path("data");
        data.put("site.conf", data.path("site.conf").asText().replace("kafka:9092", "kafka.other:9092"));
        Problems p = checks(docs).job(Optional.of(JOB), Optional.of(INGEST));
        assertTrue(p.mentions("job Kafka bootstrap vs ingest KAFKA_BOOTSTRAP_SERVERS"), p::toString);
    }

    @Test
    void k8sExecutorImageIsNotTheDriverImage() {
        List<JsonNode> docs = local();
        container(docs, "docstream-streaming-job").put("image", "docstream/streaming-job:0.2.0");
        Problems p = checks(docs).job(Optional.of(JOB), Optional.of(INGEST));
        assertTrue(p.mentions("spark.kubernetes.container.image (executors)"), p::toString);
    }

    @Test
    void k8sDriverServiceMissingTheBlockManagerPort() {
        List<JsonNode> docs = local();
        ((ObjectNode) find(docs, "Service", "docstream-streaming-job-driver").at("/spec/ports/1")).put("port", 7080);
        Problems p = checks(docs).job(Optional.of(JOB), Optional.of(INGEST));
        assertTrue(p.mentions("spark.driver.blockManager.port=7079"), p::toString);
    }

    @Test
    void k8sUnknownJobKey() {
        List<JsonNode> docs = local();
        ObjectNode data = (ObjectNode) find(docs, "ConfigMap", "docstream-job").path("data");
        data.put(
                "base.conf",
                data.path("base.conf").asText() + "spark.docstream.outputPath s3a://docstream/tables/x/\n");
        Problems p = checks(docs).job(Optional.of(JOB), Optional.of(INGEST));
        assertTrue(p.mentions("spark.docstream.outputPath is not a key the streaming job knows"), p::toString);
    }

    @Test
    void k8sLocalTopicJobCreatesAnotherTopic() {
        List<JsonNode> docs = local();
        ArrayNode cmd = (ArrayNode) find(docs, "Job", "kafka-init").at("/spec/template/spec/containers/0/command");
        for (int i = 0; i < cmd.size(); i++) {
            cmd.set(
                    i,
                    com.fasterxml.jackson.databind.node.TextNode.valueOf(
                            cmd.get(i).asText().replace("document-arrivals", "arrivals")));
        }
        Problems p = checks(docs).localInfra();
        assertTrue(p.mentions("kafka-init does not create topic"), p::toString);
    }

    @Test
    void k8sLocalTopicJobDoesNotCreateTheOutcomesTopic() {
        List<JsonNode> docs = local();
        ArrayNode cmd = (ArrayNode) find(docs, "Job", "kafka-init").at("/spec/template/spec/containers/0/command");
        for (int i = 0; i < cmd.size(); i++) {
            cmd.set(
                    i,
                    com.fasterxml.jackson.databind.node.TextNode.valueOf(
                            cmd.get(i).asText().replace("document-outcomes", "outcomes")));
        }
        Problems p = checks(docs).localInfra();
        assertTrue(p.mentions("kafka-init does not create the outcomes topic"), p::toString);
    }

    @Test
    void k8sAwsWithoutIrsaAnnotation() {
        List<JsonNode> docs = KubernetesTest.rendered(Flavor.AWS).docsCopy();
        ((ObjectNode) find(docs, "ServiceAccount", "docstream-streaming-job").path("metadata")).remove("annotations");
        Problems p = new KubeChecks(new Rendered("mutated aws", docs), Flavor.AWS).aws();
        assertTrue(p.mentions("ServiceAccount docstream-streaming-job has no eks.amazonaws.com/role-arn"), p::toString);
    }

    @Test
    void theRealLocalOverlayPassesTheSyntheticConfigurations() {
        KubeChecks k = checks(local());
        Problems ingest = k.ingest(Optional.of(INGEST));
        Problems job = k.job(Optional.of(JOB), Optional.of(INGEST));
        assertTrue(ingest.isEmpty(), ingest::toString);
        assertTrue(job.isEmpty(), job::toString);
        assertFalse(k.jobConf().isEmpty());
    }
}
