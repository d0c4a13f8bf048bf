package io.docstream.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** docker-compose.yaml and the Dockerfiles agree with the applications' configuration. */
class ComposeTest {
    private final Compose compose = Compose.fromRepo();
    private final ComposeChecks checks = new ComposeChecks(compose);

    private static void pass(Problems p) {
        assertTrue(p.isEmpty(), p::toString);
    }

    @Test
    void servicesDependenciesAndHealthchecks() {
        pass(checks.topology());
    }

    @Test
    void kafkaAdvertisedListenerIsTheBootstrapEveryoneUses() {
        pass(checks.kafka());
    }

    @Test
    void topicCreatedIsTheTopicBothApplicationsUse() {
        pass(checks.topic(IngestConfig.fromRepo()));
    }

    @Test
    void outcomesTopicCreatedIsTheTopicTheJobPublishesAndTheIngestServiceReads() {
        pass(checks.outcomesTopic(IngestConfig.fromRepo()));
    }

    @Test
    void bucketCreatedIsTheBucketBothApplicationsUse() {
        pass(checks.bucketAndEndpoint());
    }

    @Test
    void sparkMasterFourWorkersAndTheJobSubmission() {
        pass(checks.spark(JobInfo.sparkVersion(), JobInfo.fromRepo()));
    }

    @Test
    void ingestPortHealthAndPortMapping() {
        pass(checks.ingest(IngestConfig.fromRepo()));
    }

    @Test
    void ingestEnvironmentMapsToApplicationProperties() {
        Optional<IngestConfig> cfg = IngestConfig.fromRepo();
        assertTrue(
                cfg.isPresent(), IngestConfig.FILE + " is missing: the ingest service's env names cannot be checked");
        Problems p = checks.ingest(cfg);
        pass(p);
        // Sanity: the env names the service is given include the ones this deployment relies on.
        for (String env : List.of("DOCSTREAM_STORE_S3_BUCKET", "DOCSTREAM_TOPIC", "KAFKA_BOOTSTRAP_SERVERS")) {
            assertTrue(cfg.get().propertyForEnv(env).isPresent(), env + " is no property of " + IngestConfig.FILE);
        }
    }

    @Test
    void theJobsConfigurationIsReadable() {
        Optional<JobInfo> job = JobInfo.fromRepo();
        for (String key : List.of(
                "spark.docstream.kafka.bootstrap",
                "spark.docstream.topic",
                "spark.docstream.input",
                "spark.docstream.output",
                "spark.docstream.checkpoint")) {
            assertTrue(
                    job.get().confKeys.contains(key),
                    "JobSettings.Key does not declare " + key + ": found " + job.get().confKeys);
        }
        assertFalse(job.get().mainClasses.isEmpty(), "no main class under " + JobInfo.SOURCES);
    }

    @Test
    void ingestConfigurationIsReadable() {
        Optional<IngestConfig> cfg = IngestConfig.fromRepo();
        assertTrue(cfg.isPresent(), IngestConfig.FILE + " is missing");
        for (String name : List.of(
                "docstream.store.kind", "docstream.store.s3.bucket", "docstream.topic", "kafka.bootstrap.servers")) {
            assertTrue(
                    cfg.get().names().contains(name),
                    name + " is not declared by the ingest service: "
                            + cfg.get().names());
        }
    }

    @Test
    void noLiteralCredentials() {
        pass(checks.credentials());
    }

    @Test
    void ingestDockerfileRunsTheFastJarAsNonRoot() {
        List<String> from = Dockerfiles.find(Dockerfiles.INGEST, "FROM");
        assertEquals(1, from.size(), "one stage");
        assertTrue(
                from.get(0).startsWith("eclipse-temurin:17") && from.get(0).contains("jre"), "Temurin 17 JRE: " + from);
        List<String> user = Dockerfiles.find(Dockerfiles.INGEST, "USER");
        assertFalse(user.isEmpty(), "no USER");
        String last = user.get(user.size() - 1);
        assertFalse(last.equals("root") || last.equals("0") || last.startsWith("0:"), "runs as root: " + last);
        String copies = String.join("\n", Dockerfiles.find(Dockerfiles.INGEST, "COPY"));
        for (String part : List.of(
                "target/quarkus-app/lib/",
                "target/quarkus-app/*.jar",
                "target/quarkus-app/app/",
                "target/quarkus-app/quarkus/")) {
            assertTrue(copies.contains(part), "does not copy " + part);
        }
        String entry = String.join(" ", Dockerfiles.find(Dockerfiles.INGEST, "ENTRYPOINT"))
                + String.join(" ", Dockerfiles.find(Dockerfiles.INGEST, "CMD"));
        assertTrue(entry.contains("quarkus-run.jar"), "does not run quarkus-run.jar: " + entry);
    }

    @Test
    void dockerignoreLetsTheCopiedArtifactsIntoTheBuildContext() {
        for (String module : List.of("ingest-service", "streaming-job")) {
            String ignore = Repo.read(module + "/.dockerignore");
            for (String copy : Dockerfiles.find(module + "/Dockerfile", "COPY")) {
                String[] w = copy.replaceAll("--\\S+", "").trim().split("\\s+");
                for (int i = 0; i < w.length - 1; i++) {
                    String src = w[i];
                    String top = src.replaceAll("/.*$", "");
                    boolean reincluded = ignore.lines()
                            .map(String::strip)
                            .anyMatch(l -> l.startsWith("!")
                                    && (src.startsWith(l.substring(1).replaceAll("\\*.*$", ""))
                                            || l.substring(1).equals(src)));
                    assertTrue(
                            reincluded
                                    || !ignore.lines()
                                            .anyMatch(l -> l.strip().equals("*")
                                                    || l.strip().equals(top)),
                            module + "/.dockerignore keeps " + src + " out of the build context");
                }
            }
        }
    }

    @Test
    void jobDockerfileIsTheClusterSparkImagePlusTheShadedJar() {
        String clusterImage = Compose.image(compose.service(ComposeChecks.MASTER));
        assertEquals(
                Optional.of(clusterImage),
                Dockerfiles.argDefault(Dockerfiles.JOB, "SPARK_IMAGE"),
                "streaming-job/Dockerfile's default base image vs the compose cluster's image");
        assertEquals(List.of("${SPARK_IMAGE}"), Dockerfiles.find(Dockerfiles.JOB, "FROM"));
        String source = Dockerfiles.jobJarSource()
                .orElseThrow(() -> new AssertionError("streaming-job/Dockerfile copies no jar"));
        assertTrue(source.startsWith("target/"), source);
        // The jar the job's pom shades must match the glob.
        String pom = Repo.read(JobInfo.POM);
        if (pom.contains("maven-shade-plugin")) {
            java.util.regex.Matcher cls = java.util.regex.Pattern.compile(
                            "<shadedClassifierName>([^<]+)</shadedClassifierName>")
                    .matcher(pom);
            java.util.regex.Matcher fin = java.util.regex.Pattern.compile("<finalName>([^<]+)</finalName>")
                    .matcher(pom);
            String jar = fin.find()
                    ? fin.group(1) + ".jar"
                    : "streaming-job-0.1.0-SNAPSHOT" + (cls.find() ? "-" + cls.group(1) : "") + ".jar";
            assertTrue(
                    FileSystems.getDefault()
                            .getPathMatcher("glob:" + source.substring("target/".length()))
                            .matches(Path.of(jar)),
                    "streaming-job/Dockerfile copies " + source + ", but the pom shades " + jar);
        }
        // The glob must match exactly one built file (COPY of several jars to one file name fails). The root
        // build packages streaming-job before this module runs.
        Path target = Repo.path("streaming-job/target");
        assertTrue(
                Files.isDirectory(target), "streaming-job is not built: run mvn -B -pl deployment-checks -am verify");
        var matcher = FileSystems.getDefault().getPathMatcher("glob:" + source.substring("target/".length()));
        try (var files = Files.list(target)) {
            long n = files.filter(f -> matcher.matches(f.getFileName())).count();
            assertTrue(
                    n > 0,
                    "no jar matching " + source
                            + " in streaming-job/target: run mvn -B -pl deployment-checks -am verify");
            assertEquals(1, n, "streaming-job/target has several jars matching " + source);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void prometheusScrapesBothServicesWithTheRulesGrafanaHasTheDashboardAndTheHistoryServerTheEventLogs() {
        pass(MonitoringChecks.compose(compose));
    }

    @Test
    void theComposePrometheusConfigurationIsValid(@org.junit.jupiter.api.io.TempDir Path scratch) throws Exception {
        // promtool checks the rule file it names too: point it at the repository's copy.
        String config = Repo.read("monitoring/prometheus/prometheus-compose.yml")
                .replace(
                        "/etc/prometheus/docstream/alerts.yaml",
                        Repo.path(AlertRulesTest.RULES).toString());
        Path file = scratch.resolve("prometheus.yml");
        Files.writeString(file, config);
        Promtool.Result check = Promtool.run(scratch, "check", "config", file.toString());
        assertEquals(0, check.exit(), check.output());
        assertTrue(check.output().contains("SUCCESS"), check.output());
    }
}
