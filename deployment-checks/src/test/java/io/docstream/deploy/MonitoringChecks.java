package io.docstream.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Do docker-compose.yaml and the k8s manifests monitor what the rules and the dashboard expect? Prometheus scrapes
 * both services under the job names the rules use, at the ports and paths the services serve, with the rule file
 * of monitoring/; Grafana gets the dashboard and its data source; the job writes event logs where the History
 * Server reads them.
 */
final class MonitoringChecks {

    static final String INGEST_JOB = "docstream-ingest";
    static final String JOB_JOB = "docstream-streaming-job";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private MonitoringChecks() {}

    /** The scrape job names the alert rules select on ({@code job="..."}). */
    static Set<String> jobNamesOfTheRules() {
        Set<String> jobs = new TreeSet<>();
        Matcher job = Pattern.compile("job=~?\"([^\"]+)\"").matcher(Repo.read(AlertRulesTest.RULES));
        while (job.find()) {
            jobs.add(job.group(1));
        }
        return jobs;
    }

    static Problems compose(Compose c) {
        Problems p = new Problems("docker-compose monitoring");
        for (String service : List.of("prometheus", "grafana", "spark-history")) {
            p.check(c.has(service), "service '" + service + "' is missing");
        }
        if (!p.isEmpty()) {
            return p;
        }
        SparkArgs job = new ComposeChecks(c).jobArgs().orElseThrow();
        // Prometheus: its config and rules from monitoring/prometheus, mounted read-only.
        Map<String, String> mounts = mounts(c.service("prometheus"));
        String configDir = mounts.get("./monitoring/prometheus");
        p.check(configDir != null, "prometheus does not mount ./monitoring/prometheus: " + mounts);
        String configFile = ComposeChecks.argAfter(Compose.commandList(c.service("prometheus")), "--config.file")
                .orElseGet(() -> Compose.commandList(c.service("prometheus")).stream()
                        .filter(a -> a.startsWith("--config.file="))
                        .map(a -> a.substring("--config.file=".length()))
                        .findFirst()
                        .orElse(""));
        if (configDir == null || !configFile.startsWith(configDir + "/")) {
            p.add("prometheus --config.file " + configFile + " is not in the mounted monitoring/prometheus");
            return p;
        }
        String repoConfig = "monitoring/prometheus/" + configFile.substring(configDir.length() + 1);
        JsonNode config = yaml(repoConfig);
        for (JsonNode rules : config.path("rule_files")) {
            p.same(
                    configDir + "/alerts.yaml",
                    rules.asText(),
                    repoConfig + " rule file (monitoring/prometheus/alerts.yaml)");
        }
        p.check(config.path("rule_files").size() == 1, repoConfig + " loads no rule file");
        Map<String, JsonNode> scrapeJobs = new LinkedHashMap<>();
        config.path("scrape_configs")
                .forEach(j -> scrapeJobs.put(j.path("job_name").asText(), j));
        p.check(
                scrapeJobs.keySet().containsAll(jobNamesOfTheRules()),
                repoConfig + " scrape jobs " + scrapeJobs.keySet() + " lack job names the rules use "
                        + jobNamesOfTheRules());
        int ingestPort = IngestConfig.fromRepo().map(IngestConfig::httpPort).orElse(8080);
        checkTarget(p, scrapeJobs.get(INGEST_JOB), "ingest-service:" + ingestPort, "/q/metrics", repoConfig);
        p.same("0.0.0.0", job.conf.get("spark.docstream.metrics.bindAddress"), "streaming-job metrics bind address");
        String metricsPort = job.conf.get("spark.docstream.metrics.port");
        checkTarget(p, scrapeJobs.get(JOB_JOB), "streaming-job:" + metricsPort, "/metrics", repoConfig);

        // Grafana: the provisioning and the dashboards of monitoring/grafana; the data source the panels name.
        Map<String, String> grafana = mounts(c.service("grafana"));
        p.same(
                "/etc/grafana/provisioning",
                grafana.get("./monitoring/grafana/provisioning"),
                "grafana mount of monitoring/grafana/provisioning");
        JsonNode provider = yaml("monitoring/grafana/provisioning/dashboards/docstream.yaml")
                .path("providers")
                .path(0);
        p.same(
                provider.path("options").path("path").asText(),
                grafana.get("./monitoring/grafana/dashboards"),
                "grafana mount of monitoring/grafana/dashboards vs the dashboard provider's path");
        JsonNode datasource = yaml("monitoring/grafana/provisioning/datasources/prometheus.yaml")
                .path("datasources")
                .path(0);
        p.same("http://prometheus:9090", datasource.path("url").asText(), "Grafana's Prometheus data source URL");
        for (String uid : dashboardDatasourceUids()) {
            p.same(datasource.path("uid").asText(), uid, "a dashboard panel's data source uid");
        }

        // Event logs: written by the job where the History Server reads, a prefix minio-init creates.
        p.same("true", job.conf.get("spark.eventLog.enabled"), "streaming-job spark.eventLog.enabled");
        String eventLogs = job.conf.getOrDefault("spark.eventLog.dir", "");
        p.check(
                Compose.env(c.service("spark-history"))
                        .getOrDefault("SPARK_HISTORY_OPTS", "")
                        .contains("-Dspark.history.fs.logDirectory=" + eventLogs),
                "spark-history does not read the job's spark.eventLog.dir " + eventLogs);
        String prefix = eventLogs.replaceFirst("^s3a://", "");
        p.check(
                !prefix.isEmpty()
                        && Compose.commandText(c.service("minio-init")).contains("local/" + prefix),
                "minio-init does not create the event log prefix " + eventLogs);
        return p;
    }

    private static void checkTarget(Problems p, JsonNode scrapeJob, String target, String path, String file) {
        if (scrapeJob == null) {
            p.add(file + " has no scrape job for " + target);
            return;
        }
        p.same(path, scrapeJob.path("metrics_path").asText("/metrics"), file + " metrics_path of " + target);
        p.same(
                target,
                scrapeJob.path("static_configs").path(0).path("targets").path(0).asText(),
                file + " target of job " + scrapeJob.path("job_name").asText());
    }

    /** Host folder → container path of a service's bind mounts. */
    static Map<String, String> mounts(JsonNode service) {
        Map<String, String> mounts = new LinkedHashMap<>();
        for (JsonNode volume : service.path("volumes")) {
            String[] parts = volume.asText().split(":");
            if (parts.length >= 2) {
                mounts.put(parts[0], parts[1]);
            }
        }
        return mounts;
    }

    static Problems kube(Rendered r, KubeChecks.Flavor flavor) {
        Problems p = new Problems(r.overlay + " monitoring");
        checkConfigMapHoldsFile(p, r, "docstream-prometheus-rules", "alerts.yaml", AlertRulesTest.RULES);
        checkConfigMapHoldsFile(p, r, "docstream-grafana-dashboard", "docstream.json", AlertRulesTest.DASHBOARD);
        r.get(ConfigMap.class, "docstream-grafana-dashboard")
                .ifPresent(cm -> p.same(
                        "1", cm.getMetadata().getLabels().get("grafana_dashboard"), "dashboard ConfigMap label"));
        int ingestPort = IngestConfig.fromRepo().map(IngestConfig::httpPort).orElse(8080);
        Set<String> scrapedJobs = new TreeSet<>();
        checkScrapeAnnotations(p, r, "docstream-ingest", String.valueOf(ingestPort), "/q/metrics", scrapedJobs);
        Map<String, String> jobConf = new KubeChecks(r, flavor).jobConf();
        p.same("0.0.0.0", jobConf.get("spark.docstream.metrics.bindAddress"), "job metrics bind address");
        String metricsPort = jobConf.getOrDefault("spark.docstream.metrics.port", "");
        checkScrapeAnnotations(p, r, "docstream-streaming-job", metricsPort, "/metrics", scrapedJobs);
        p.check(
                scrapedJobs.containsAll(jobNamesOfTheRules()),
                "the rules select on jobs " + jobNamesOfTheRules() + ", the annotated pods are " + scrapedJobs
                        + " (job = app.kubernetes.io/name, monitoring/prometheus/prometheus-kubernetes.yml)");
        p.same("true", jobConf.get("spark.eventLog.enabled"), "job spark.eventLog.enabled");
        p.check(
                jobConf.getOrDefault("spark.eventLog.dir", "").startsWith("s3a://"),
                "job spark.eventLog.dir is not in the bucket: " + jobConf.get("spark.eventLog.dir"));
        return p;
    }

    private static void checkScrapeAnnotations(
            Problems p, Rendered r, String deployment, String port, String path, Set<String> scrapedJobs) {
        Optional<Deployment> found = r.get(Deployment.class, deployment);
        if (found.isEmpty()) {
            p.add("no Deployment " + deployment);
            return;
        }
        PodTemplateSpec template = found.get().getSpec().getTemplate();
        Map<String, String> annotations =
                Optional.ofNullable(template.getMetadata().getAnnotations()).orElse(Map.of());
        p.same("true", annotations.get("prometheus.io/scrape"), deployment + " prometheus.io/scrape");
        p.same(port, annotations.get("prometheus.io/port"), deployment + " prometheus.io/port");
        p.same(path, annotations.get("prometheus.io/path"), deployment + " prometheus.io/path");
        boolean declared = template.getSpec().getContainers().stream()
                .flatMap(c -> c.getPorts().stream())
                .map(ContainerPort::getContainerPort)
                .anyMatch(declaredPort -> String.valueOf(declaredPort).equals(port));
        p.check(declared, deployment + " declares no container port " + port + " for its metrics");
        scrapedJobs.add(template.getMetadata().getLabels().get("app.kubernetes.io/name"));
    }

    private static void checkConfigMapHoldsFile(Problems p, Rendered r, String name, String key, String file) {
        Optional<ConfigMap> cm = r.get(ConfigMap.class, name);
        if (cm.isEmpty()) {
            p.add("no ConfigMap " + name + " (monitoring/kustomization.yaml, included by k8s/base)");
            return;
        }
        p.check(
                Repo.read(file).equals(cm.get().getData().get(key)),
                "ConfigMap " + name + " key " + key + " is not " + file);
    }

    private static Set<String> dashboardDatasourceUids() {
        Set<String> uids = new TreeSet<>();
        try {
            for (JsonNode panel :
                    JSON.readTree(Repo.path(AlertRulesTest.DASHBOARD).toFile()).path("panels")) {
                uids.add(panel.path("datasource").path("uid").asText());
                panel.path("targets")
                        .forEach(t -> uids.add(t.path("datasource").path("uid").asText()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return uids;
    }

    private static JsonNode yaml(String file) {
        try {
            return YAML.readTree(Repo.read(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
    }
}
