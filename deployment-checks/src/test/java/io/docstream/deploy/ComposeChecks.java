package io.docstream.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Does docker-compose.yaml wire the services together the way the applications are configured?
 * Each method returns every problem found; an empty list is a pass.
 */
final class ComposeChecks {
    static final String BUCKET = "docstream";
    static final String TOPIC = "document-arrivals";
    static final String OUTCOMES_TOPIC = "document-outcomes";
    static final String INGEST = "ingest-service";
    static final String JOB = "streaming-job";
    static final String KAFKA = "kafka";
    static final String MINIO = "minio";
    static final String MASTER = "spark-master";
    static final String WORKER_CLASS = "org.apache.spark.deploy.worker.Worker";
    static final String MASTER_CLASS = "org.apache.spark.deploy.master.Master";

    private final Compose c;

    ComposeChecks(Compose c) {
        this.c = c;
    }

    /** Services, dependencies and health checks. */
    Problems topology() {
        Problems p = new Problems("docker-compose topology");
        for (String s : List.of(KAFKA, "kafka-init", MINIO, "minio-init", MASTER, INGEST, JOB)) {
            p.check(c.has(s), "service '" + s + "' is missing");
        }
        for (String name : c.serviceNames()) {
            JsonNode svc = c.service(name);
            Compose.dependsOn(svc).forEach((dep, cond) -> {
                p.check(c.has(dep), name + " depends on unknown service '" + dep + "'");
                if (cond.equals("service_healthy")) {
                    p.check(
                            c.service(dep).has("healthcheck"),
                            name + " waits for " + dep + " to be healthy, but " + dep + " has no healthcheck");
                }
            });
        }
        for (String app : List.of(INGEST, JOB)) {
            Map<String, String> deps = Compose.dependsOn(c.service(app));
            p.same("service_completed_successfully", deps.get("kafka-init"), app + " depends_on kafka-init condition");
            p.same("service_completed_successfully", deps.get("minio-init"), app + " depends_on minio-init condition");
        }
        p.same("service_healthy", Compose.dependsOn(c.service("kafka-init")).get(KAFKA), "kafka-init depends_on kafka");
        p.same("service_healthy", Compose.dependsOn(c.service("minio-init")).get(MINIO), "minio-init depends_on minio");
        p.same(
                "service_healthy",
                Compose.dependsOn(c.service(JOB)).get(MASTER),
                "streaming-job depends_on spark-master");
        for (String s : List.of(KAFKA, MINIO, MASTER, INGEST)) {
            p.check(c.service(s).has("healthcheck"), s + " has no healthcheck");
        }
        p.same(
                "./ingest-service",
                c.service(INGEST).path("build").path("context").asText(null),
                "ingest-service build context");
        p.same(
                "./streaming-job",
                c.service(JOB).path("build").path("context").asText(null),
                "streaming-job build context");
        return p;
    }

    /** Host names and ports a service is reachable under on the compose network. */
    private List<String> namesOf(String service) {
        List<String> names = new ArrayList<>(List.of(service));
        String host = c.service(service).path("hostname").asText("");
        if (!host.isEmpty()) {
            names.add(host);
        }
        return names;
    }

    /** Listener name -> host:port from a Kafka listeners string ("PLAINTEXT://kafka:9092,..."). */
    static Map<String, String> listeners(String value) {
        Map<String, String> out = new LinkedHashMap<>();
        if (value == null || value.isBlank()) {
            return out;
        }
        for (String l : value.split(",")) {
            int sep = l.indexOf("://");
            if (sep > 0) {
                out.put(l.substring(0, sep).trim(), l.substring(sep + 3).trim());
            }
        }
        return out;
    }

    /** The bootstrap the containers use must be an advertised listener of the kafka service. */
    Problems kafka() {
        Problems p = new Problems("docker-compose kafka");
        Map<String, String> env = c.env(KAFKA);
        Map<String, String> advertised = listeners(env.get("KAFKA_ADVERTISED_LISTENERS"));
        Map<String, String> bound = listeners(env.get("KAFKA_LISTENERS"));
        p.check(!advertised.isEmpty(), "kafka has no KAFKA_ADVERTISED_LISTENERS");
        String protocolMap = env.getOrDefault("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "");
        List<String> bootstraps = new ArrayList<>();
        bootstraps.add("ingest-service KAFKA_BOOTSTRAP_SERVERS=" + c.env(INGEST).get("KAFKA_BOOTSTRAP_SERVERS"));
        jobArgs()
                .ifPresent(a -> bootstraps.add("streaming-job spark.docstream.kafka.bootstrap="
                        + a.conf.get("spark.docstream.kafka.bootstrap")));
        Matcher init =
                Pattern.compile("--bootstrap-server\\s+(\\S+)").matcher(Compose.commandText(c.service("kafka-init")));
        bootstraps.add("kafka-init --bootstrap-server=" + (init.find() ? init.group(1) : null));
        for (String b : bootstraps) {
            String value = b.substring(b.indexOf('=') + 1);
            String who = b.substring(0, b.indexOf('='));
            Optional<String> listener = advertised.entrySet().stream()
                    .filter(e -> e.getValue().equals(value))
                    .map(Map.Entry::getKey)
                    .findFirst();
            if (listener.isEmpty()) {
                p.add(who + " is " + value + ", which is none of kafka's advertised listeners " + advertised);
                continue;
            }
            String host = value.substring(0, value.lastIndexOf(':'));
            String port = value.substring(value.lastIndexOf(':') + 1);
            p.check(
                    namesOf(KAFKA).contains(host),
                    who + ": host '" + host + "' is not the kafka service's name on the compose network");
            String boundAddr = bound.get(listener.get());
            p.check(
                    boundAddr != null && boundAddr.endsWith(":" + port),
                    who + ": listener " + listener.get() + " is not bound on port " + port + " in KAFKA_LISTENERS "
                            + bound);
            p.check(
                    protocolMap.contains(listener.get() + ":PLAINTEXT"),
                    who + ": listener " + listener.get() + " is not PLAINTEXT in KAFKA_LISTENER_SECURITY_PROTOCOL_MAP");
        }
        return p;
    }

    /** The topic kafka-init creates is the one both applications use. */
    Problems topic(Optional<IngestConfig> ingest) {
        Problems p = new Problems("docker-compose topic");
        Matcher m = Pattern.compile("--topic\\s+(\\S+)").matcher(Compose.commandText(c.service("kafka-init")));
        String created = m.find() ? m.group(1) : null;
        p.same(TOPIC, created, "topic created by kafka-init");
        String ingestTopic = c.env(INGEST).get("DOCSTREAM_TOPIC");
        if (ingestTopic == null && ingest.isPresent()) {
            ingestTopic = ingest.get().defaultValue("docstream.topic").orElse(null);
        }
        p.same(
                created,
                ingestTopic,
                "ingest-service topic (DOCSTREAM_TOPIC or application.properties docstream.topic)");
        p.same(
                created,
                jobArgs().map(a -> a.conf.get("spark.docstream.topic")).orElse(null),
                "streaming-job spark.docstream.topic");
        return p;
    }

    /** kafka-init creates the outcomes topic too, and the job publishes on the one the ingest service reads. */
    Problems outcomesTopic(Optional<IngestConfig> ingest) {
        Problems p = new Problems("docker-compose outcomes topic");
        List<String> created = Pattern.compile("--topic\\s+(\\S+)")
                .matcher(Compose.commandText(c.service("kafka-init")))
                .results()
                .map(m -> m.group(1))
                .toList();
        p.check(created.contains(OUTCOMES_TOPIC), "kafka-init does not create " + OUTCOMES_TOPIC + ": " + created);
        String ingestTopic = c.env(INGEST).get("DOCSTREAM_STATUS_TOPIC");
        if (ingestTopic == null && ingest.isPresent()) {
            ingestTopic = ingest.get().defaultValue("docstream.status.topic").orElse(null);
        }
        p.same(
                OUTCOMES_TOPIC,
                ingestTopic,
                "ingest-service outcomes topic (DOCSTREAM_STATUS_TOPIC or application.properties docstream.status.topic)");
        p.same(
                OUTCOMES_TOPIC,
                jobArgs().map(a -> a.conf.get("spark.docstream.outcomes.topic")).orElse(null),
                "streaming-job spark.docstream.outcomes.topic");
        return p;
    }

    /** The bucket minio-init creates is the one both applications read and write, under fixed prefixes. */
    Problems bucketAndEndpoint() {
        Problems p = new Problems("docker-compose bucket");
        Matcher m = Pattern.compile("mc mb (?:--ignore-existing |-p )*\\w+/([a-z0-9.\\-]+)")
                .matcher(Compose.commandText(c.service("minio-init")));
        String created = m.find() ? m.group(1) : null;
        p.same(BUCKET, created, "bucket created by minio-init");
        Map<String, String> ingest = c.env(INGEST);
        p.same("s3", ingest.get("DOCSTREAM_STORE_KIND"), "ingest-service DOCSTREAM_STORE_KIND");
        p.same(created, ingest.get("DOCSTREAM_STORE_S3_BUCKET"), "ingest-service DOCSTREAM_STORE_S3_BUCKET");
        String prefix = ingest.getOrDefault("DOCSTREAM_STORE_PREFIX", "incoming/");
        p.same("incoming/", prefix, "ingest-service DOCSTREAM_STORE_PREFIX");
        Optional<SparkArgs> job = jobArgs();
        job.ifPresent(a -> {
            p.same(
                    "s3a://" + created + "/" + prefix,
                    a.conf.get("spark.docstream.input"),
                    "streaming-job spark.docstream.input");
            String out = a.conf.getOrDefault("spark.docstream.output", "");
            p.check(
                    out.startsWith("s3a://" + created + "/tables/"),
                    "streaming-job spark.docstream.output " + out + " is not under s3a://" + created + "/tables/");
            String cp = a.conf.getOrDefault("spark.docstream.checkpoint", "");
            p.check(
                    cp.startsWith("s3a://" + created + "/checkpoints/"),
                    "streaming-job spark.docstream.checkpoint " + cp + " is not under s3a://" + created
                            + "/checkpoints/");
        });
        // The S3 endpoint: MinIO's API port on the compose network, the same for both applications.
        String minioAlias = null;
        Matcher alias =
                Pattern.compile("mc alias set \\w+ (\\S+)").matcher(Compose.commandText(c.service("minio-init")));
        if (alias.find()) {
            minioAlias = alias.group(1);
        }
        String ingestEndpoint = ingest.get("DOCSTREAM_STORE_S3_ENDPOINT");
        p.same(
                minioAlias,
                ingestEndpoint,
                "ingest-service DOCSTREAM_STORE_S3_ENDPOINT vs the endpoint minio-init uses");
        job.ifPresent(a -> p.same(
                ingestEndpoint,
                a.conf.get("spark.hadoop.fs.s3a.endpoint"),
                "streaming-job spark.hadoop.fs.s3a.endpoint"));
        if (ingestEndpoint != null) {
            URI u = URI.create(ingestEndpoint);
            p.check(
                    namesOf(MINIO).contains(u.getHost()),
                    "S3 endpoint host " + u.getHost() + " is not the minio service");
            p.same(minioApiPort(), u.getPort(), "S3 endpoint port vs MinIO's API port");
            p.same(
                    "true",
                    ingest.get("DOCSTREAM_STORE_S3_PATH_STYLE"),
                    "ingest-service DOCSTREAM_STORE_S3_PATH_STYLE (MinIO needs path-style)");
            job.ifPresent(a -> p.same(
                    "true",
                    a.conf.get("spark.hadoop.fs.s3a.path.style.access"),
                    "streaming-job spark.hadoop.fs.s3a.path.style.access"));
        }
        return p;
    }

    private int minioApiPort() {
        List<String> cmd = Compose.commandList(c.service(MINIO));
        int i = cmd.indexOf("--address");
        if (i >= 0 && i + 1 < cmd.size()) {
            String a = cmd.get(i + 1);
            return Integer.parseInt(a.substring(a.lastIndexOf(':') + 1));
        }
        return 9000;
    }

    /** The streaming job's spark-submit arguments. */
    Optional<SparkArgs> jobArgs() {
        return SparkArgs.fromCommand(Compose.commandList(c.service(JOB)));
    }

    /** Master, 4 workers of 2 cores / 1g, one Spark image at the job's Spark version, the job's submit line. */
    Problems spark(Optional<String> jobSparkVersion, Optional<JobInfo> jobInfo) {
        Problems p = new Problems("docker-compose spark");
        List<String> masterCmd = Compose.commandList(c.service(MASTER));
        p.check(masterCmd.contains(MASTER_CLASS), "spark-master does not run " + MASTER_CLASS);
        String host = argAfter(masterCmd, "--host").orElse(MASTER);
        String port = argAfter(masterCmd, "--port").orElse("7077");
        p.check(
                namesOf(MASTER).contains(host),
                "spark-master --host " + host + " is not its name on the compose network");
        String masterUrl = "spark://" + host + ":" + port;

        String image = Compose.image(c.service(MASTER));
        List<String> workers = new ArrayList<>();
        for (String name : c.serviceNames()) {
            JsonNode svc = c.service(name);
            List<String> cmd = Compose.commandList(svc);
            if (!cmd.contains(WORKER_CLASS)) {
                continue;
            }
            workers.add(name);
            Map<String, String> env = Compose.env(svc);
            p.same("2", env.get("SPARK_WORKER_CORES"), name + " SPARK_WORKER_CORES");
            p.same("1g", env.get("SPARK_WORKER_MEMORY"), name + " SPARK_WORKER_MEMORY");
            p.check(cmd.contains(masterUrl), name + " does not connect to the master URL " + masterUrl + ": " + cmd);
            p.same(image, Compose.image(svc), name + " image (must be the master's)");
            p.same("service_healthy", Compose.dependsOn(svc).get(MASTER), name + " depends_on spark-master");
        }
        p.same(4, workers.size(), "number of Spark workers " + workers);

        p.check(
                image.startsWith("apache/spark:4."),
                "Spark image " + image + " is not an official apache/spark 4.x image");
        jobSparkVersion.ifPresent(
                v -> p.same("apache/spark:" + v, image, "Spark image vs <spark.version> of streaming-job/pom.xml"));
        p.same(
                image,
                c.service(JOB).path("build").path("args").path("SPARK_IMAGE").asText(null),
                "streaming-job build arg SPARK_IMAGE");

        Optional<SparkArgs> args = jobArgs();
        if (args.isEmpty()) {
            p.add("streaming-job does not run spark-submit");
            return p;
        }
        SparkArgs a = args.get();
        p.same(masterUrl, a.options.get("--master"), "streaming-job --master");
        p.same("client", a.options.get("--deploy-mode"), "streaming-job --deploy-mode");
        p.check(
                namesOf(JOB).contains(a.conf.get("spark.driver.host")),
                "spark.driver.host " + a.conf.get("spark.driver.host")
                        + " is not the streaming-job service's name, executors cannot reach the driver");
        p.check(a.conf.containsKey("spark.driver.port"), "spark.driver.port is not fixed");
        p.same(
                Dockerfiles.jobJarPath(),
                a.appResource,
                "streaming-job application jar vs the path streaming-job/Dockerfile copies it to");
        jobInfo.ifPresent(j -> checkJobKeys(p, a.conf, a.options.get("--class"), j));
        checkS3aProviders(p, a.conf);
        checkDocumentSizeLimits(p, c.env(INGEST), IngestConfig.fromRepo(), a.conf, jobInfo);
        for (String required : List.of(
                "spark.docstream.kafka.bootstrap",
                "spark.docstream.topic",
                "spark.docstream.input",
                "spark.docstream.output",
                "spark.docstream.checkpoint")) {
            p.check(a.conf.containsKey(required), "streaming-job does not set " + required);
        }
        return p;
    }

    /**
     * A document the ingest service accepts must not be too big for the job (it would be quarantined):
     * the ingest's max-bytes (env, else application.properties) <= the job's maxDocumentBytes (conf,
     * else its default). Unknown on either side: not checked.
     */
    static void checkDocumentSizeLimits(
            Problems p,
            Map<String, String> ingestEnv,
            Optional<IngestConfig> ingest,
            Map<String, String> jobConf,
            Optional<JobInfo> job) {
        Optional<String> ingestMax = Optional.ofNullable(ingestEnv.get("DOCSTREAM_UPLOAD_MAX_BYTES"))
                .or(() -> ingest.flatMap(c -> c.defaultValue("docstream.upload.max-bytes")));
        Optional<String> jobMax = Optional.ofNullable(jobConf.get("spark.docstream.maxDocumentBytes"))
                .or(() -> job.map(j -> j.defaults.get("spark.docstream.maxDocumentBytes")));
        if (ingestMax.isPresent()
                && jobMax.isPresent()
                && ingestMax.get().matches("\\d+")
                && jobMax.get().matches("\\d+")) {
            p.check(
                    Long.parseLong(ingestMax.get()) <= Long.parseLong(jobMax.get()),
                    "the ingest service accepts documents up to " + ingestMax.get()
                            + " bytes, the job reads only up to " + jobMax.get()
                            + " (spark.docstream.maxDocumentBytes): bigger uploads would be quarantined");
        }
    }

    /** S3A credential providers of hadoop-aws 3.4/3.5 (plus any AWS SDK v2 provider, which S3A accepts). */
    static final java.util.Set<String> S3A_PROVIDERS = java.util.Set.of(
            "org.apache.hadoop.fs.s3a.TemporaryAWSCredentialsProvider",
            "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider",
            "org.apache.hadoop.fs.s3a.AnonymousAWSCredentialsProvider",
            "org.apache.hadoop.fs.s3a.auth.IAMInstanceCredentialsProvider",
            "org.apache.hadoop.fs.s3a.auth.AssumedRoleCredentialProvider",
            "org.apache.hadoop.fs.s3a.auth.ProfileAWSCredentialsProvider");

    /** A set fs.s3a.aws.credentials.provider names only classes that exist. */
    static void checkS3aProviders(Problems p, Map<String, String> conf) {
        String list = conf.get("spark.hadoop.fs.s3a.aws.credentials.provider");
        if (list == null) {
            return;
        }
        for (String cls : list.split(",")) {
            String c = cls.trim();
            p.check(
                    S3A_PROVIDERS.contains(c) || c.startsWith("software.amazon.awssdk.auth.credentials."),
                    "fs.s3a.aws.credentials.provider " + c + " is no S3A or AWS SDK v2 credential provider");
        }
    }

    /** Every spark.docstream.* key given is one the job reads; the main class exists. */
    static void checkJobKeys(Problems p, Map<String, String> conf, String mainClass, JobInfo j) {
        if (!j.confKeys.isEmpty()) {
            for (String key : conf.keySet()) {
                if (key.startsWith("spark.docstream.")) {
                    p.check(j.knows(key), "spark conf " + key + " is not a key the streaming job knows " + j.confKeys);
                }
            }
        }
        if (!j.mainClasses.isEmpty()) {
            p.check(
                    j.mainClasses.contains(mainClass),
                    "--class " + mainClass + " is not a main class of the streaming job " + j.mainClasses);
        }
    }

    static Optional<String> argAfter(List<String> cmd, String flag) {
        int i = cmd.indexOf(flag);
        return i >= 0 && i + 1 < cmd.size() ? Optional.of(cmd.get(i + 1)) : Optional.empty();
    }

    /** The ingest service: env names it understands, port mapping, health check. */
    Problems ingest(Optional<IngestConfig> config) {
        Problems p = new Problems("docker-compose ingest-service");
        JsonNode svc = c.service(INGEST);
        int port = config.map(IngestConfig::httpPort).orElse(8080);
        p.check(
                Compose.ports(svc).stream().anyMatch(pp -> pp[1] == port),
                "ingest-service publishes no port to container port " + port + " (quarkus.http.port)");
        p.same(port, Dockerfiles.ingestExposedPort(), "ingest-service/Dockerfile EXPOSE vs quarkus.http.port");
        String health = svc.path("healthcheck").path("test").toString();
        p.check(
                health.contains("/q/health/ready")
                        && Pattern.compile("(localhost|127\\.0\\.0\\.1)[:/]" + port + "\\b")
                                .matcher(health)
                                .find(),
                "ingest-service healthcheck does not probe /q/health/ready on local port " + port + ": " + health);
        config.ifPresent(cfg -> {
            for (String env : Compose.env(svc).keySet()) {
                if (env.matches("(DOCSTREAM|KAFKA|QUARKUS|MP)_.*")) {
                    p.check(
                            cfg.propertyForEnv(env).isPresent(),
                            "ingest-service env " + env + " maps to no property of the ingest service ("
                                    + IngestConfig.FILE + " or its @ConfigMapping)");
                }
            }
        });
        return p;
    }

    /** No real secret in the file: every credential value is a ${VAR:-default} or ${VAR}. */
    Problems credentials() {
        Problems p = new Problems("docker-compose credentials");
        Pattern credentialName = Pattern.compile(".*(PASSWORD|SECRET|ACCESS_KEY|API_KEY|_USER|TOKEN).*");
        c.raw.path("services").fields().forEachRemaining(s -> {
            Compose.env(s.getValue()).forEach((k, v) -> {
                if (credentialName.matcher(k).matches()) {
                    p.check(
                            v.matches("\\$\\{[A-Z_][A-Z0-9_]*(:-[^}]*)?}"),
                            s.getKey() + " " + k + " is a literal, not ${VAR:-local-default}");
                }
            });
            for (String arg : Compose.commandList(s.getValue())) {
                Matcher m = Pattern.compile("(?:executorEnv|secretKeyRef)\\.(\\w+)=(.*)")
                        .matcher(arg);
                if (m.find() && credentialName.matcher(m.group(1)).matches()) {
                    p.check(
                            m.group(2).matches("\\$\\{[A-Z_][A-Z0-9_]*(:-[^}]*)?}"),
                            s.getKey() + " " + arg + " is a literal credential");
                }
            }
        });
        return p;
    }
}
