package io.docstream.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/** The run's results as a Markdown report and a JSON file beside it, and the figures drawn from them. */
final class BenchReport {

    private final String name;
    private final String command;
    private final List<RateResult> results;
    private final double startToFirstCommitSeconds;
    private final java.util.OptionalDouble restartSeconds;

    BenchReport(String name, String command, List<RateResult> results) {
        this(name, command, results, Double.NaN, java.util.OptionalDouble.empty());
    }

    /**
     * @param startToFirstCommitSeconds the jobs' start to the commit of the warm-up documents
     * @param restartSeconds            a kill -9 of the job to the first commit of the new process, if measured
     */
    BenchReport(
            String name,
            String command,
            List<RateResult> results,
            double startToFirstCommitSeconds,
            java.util.OptionalDouble restartSeconds) {
        this.name = name;
        this.command = command;
        this.results = results;
        this.startToFirstCommitSeconds = startToFirstCommitSeconds;
        this.restartSeconds = restartSeconds;
    }

    /** "1 second" → "1s", "500 milliseconds" → "500ms": the trigger as the summary line prints it. */
    static String compact(String trigger) {
        String[] parts = trigger.trim().split("\\s+");
        if (parts.length != 2) {
            return trigger.replace(" ", "");
        }
        String unit = parts[1].toLowerCase(Locale.ROOT);
        String symbol = unit.startsWith("milli") || unit.equals("ms")
                ? "ms"
                : unit.startsWith("min") ? "min" : unit.startsWith("s") ? "s" : unit;
        return parts[0] + symbol;
    }

    /** The highest rate among the rate steps (not those over a filled prefix) at which the pipeline kept up. */
    OptionalInt sustainedRate(String pipeline) {
        return rateSteps()
                .filter(result ->
                        result.pipelines().stream().anyMatch(p -> p.name().equals(pipeline) && p.keepsUp()))
                .mapToInt(RateResult::rate)
                .max();
    }

    private java.util.stream.Stream<RateResult> rateSteps() {
        return results.stream().filter(result -> !result.filledPrefix());
    }

    /**
     * A least-squares fit over the rate steps of the job's CPU time = fixed × batches + per-document ×
     * documents: what a micro-batch costs whatever it holds, and what each document adds.
     */
    double[] fixedAndPerDocumentCost(String pipeline) {
        double sbb = 0, sbd = 0, sdd = 0, sbc = 0, sdc = 0;
        int points = 0;
        for (RateResult step : rateSteps().toList()) {
            for (RateResult.PipelineResult p : step.pipelines()) {
                if (p.name().equals(pipeline) && p.batches() > 0) {
                    double b = p.batches();
                    double d = p.visible();
                    double c = p.cpuMillis();
                    sbb += b * b;
                    sbd += b * d;
                    sdd += d * d;
                    sbc += b * c;
                    sdc += d * c;
                    points++;
                }
            }
        }
        double determinant = sbb * sdd - sbd * sbd;
        if (points < 2 || Math.abs(determinant) < 1e-9) {
            return new double[] {Double.NaN, Double.NaN};
        }
        return new double[] {(sbc * sdd - sdc * sbd) / determinant, (sbb * sdc - sbd * sbc) / determinant};
    }

    void write(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(name + ".md"), markdown());
        Files.writeString(folder.resolve(name + ".json"), json());
        FreshnessChart.write(results, folder.resolve(name + ".png"));
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# bench: ").append(name).append("\n\n");
        md.append("`").append(command).append("`\n\n");
        md.append(
                "Open-loop load of real bulletins through the whole pipeline (ingest service → store → Kafka → job → Delta"
                        + " table), all on this machine. visible = commit time of the table version holding the document's row,"
                        + " read from the table's `_delta_log`, minus the time the upload was sent. Cores are each process's CPU"
                        + " time over the sending window (children included); CPU ms/doc is the job's CPU time over sending and"
                        + " draining divided by the documents it made visible. Planning = Spark's `latestOffset` + `getBatch` +"
                        + " `queryPlanning` of a batch.\n\n");
        md.append("| step | objects under prefix | pipeline | sent | visible | lost | dup | upload p50 / p99 ms |"
                + " visible p50 / p99 / max s | growing | job cores | CPU ms/doc | batches | batch p50 / max s |"
                + " planning p50 / max ms | ingest cores | ingest CPU ms/upload | s3proxy cores | kafka cores |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (RateResult r : results) {
            for (RateResult.PipelineResult p : r.pipelines()) {
                md.append(String.format(
                        Locale.ROOT,
                        "| %d/s, %s | %d | %s | %d | %d | %d | %d | %.0f / %.0f | %.2f / %.2f / %.2f | %s | %.2f | %.1f | %d |"
                                + " %.2f / %.2f | %.0f / %.0f | %.2f | %.2f | %.2f | %.2f |\n",
                        r.rate(),
                        compact(r.trigger()),
                        r.objectsUnderPrefix(),
                        p.name(),
                        r.stored(),
                        p.visible(),
                        p.lost(),
                        p.duplicated(),
                        r.uploadP50Ms(),
                        r.uploadP99Ms(),
                        p.visibleP50Seconds(),
                        p.visibleP99Seconds(),
                        p.visibleMaxSeconds(),
                        p.latencyGrowing() ? "yes" : "no",
                        p.cores(),
                        p.cpuMsPerDocument(),
                        p.batches(),
                        p.batchP50Seconds(),
                        p.batchMaxSeconds(),
                        p.planningP50Ms(),
                        p.planningMaxMs(),
                        r.coresWhileSending().getOrDefault("ingest-service", 0.0),
                        r.coresWhileSending().getOrDefault("ingest-service", 0.0)
                                * r.sendSeconds()
                                * 1000
                                / Math.max(1, r.sent()),
                        r.coresWhileSending().getOrDefault("s3proxy", 0.0),
                        r.coresWhileSending().getOrDefault("kafka", 0.0)));
            }
        }
        md.append("\n");
        for (String pipeline : pipelineNames()) {
            OptionalInt sustained = sustainedRate(pipeline);
            double[] cost = fixedAndPerDocumentCost(pipeline);
            md.append(String.format(
                    Locale.ROOT,
                    "- %s: highest rate with p99 ≤ 5 s, nothing lost, latency not growing: %s;"
                            + " fitted CPU cost %s s per batch + %s ms per document%n",
                    pipeline,
                    sustained.isPresent() ? sustained.getAsInt() + " docs/s" : "none of the rates run",
                    Double.isNaN(cost[0]) ? "n/a" : String.format(Locale.ROOT, "%.3f", cost[0] / 1000),
                    Double.isNaN(cost[1]) ? "n/a" : String.format(Locale.ROOT, "%.2f", cost[1])));
        }
        md.append(
                "\nMean milliseconds per batch by phase (Spark's durationMs; addBatch = the sink: read, extract, commit):\n\n");
        md.append("| step | pipeline | phases |\n|---|---|---|\n");
        for (RateResult r : results) {
            for (RateResult.PipelineResult p : r.pipelines()) {
                md.append(String.format(
                        Locale.ROOT,
                        "| %d/s, %d objects | %s | %s |%n",
                        r.rate(),
                        r.objectsUnderPrefix(),
                        p.name(),
                        p.phaseMeansMs().entrySet().stream()
                                .map(e -> String.format(Locale.ROOT, "%s %.0f", e.getKey(), e.getValue()))
                                .collect(Collectors.joining(", "))));
            }
        }
        RateResult last = results.get(results.size() - 1);
        if (!Double.isNaN(startToFirstCommitSeconds)) {
            md.append(String.format(
                    Locale.ROOT,
                    "%nJobs started → warm-up documents committed (tables created): %.1f s%n",
                    startToFirstCommitSeconds));
        }
        restartSeconds.ifPresent(seconds -> md.append(String.format(
                Locale.ROOT, "%nkill -9 of the job → first commit of the restarted process: %.1f s%n", seconds)));
        md.append("\nResident memory at the end (MiB): ")
                .append(last.residentMiB().entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", ")))
                .append("\n");
        md.append("\n![freshness](").append(name).append(".png)\n");
        return md.toString();
    }

    List<String> pipelineNames() {
        return results.get(0).pipelines().stream()
                .map(RateResult.PipelineResult::name)
                .toList();
    }

    String json() {
        StringBuilder json = new StringBuilder("{\n  \"name\": ")
                .append(quote(name))
                .append(",\n  \"command\": ")
                .append(quote(command))
                .append(",\n  \"start_to_first_commit_s\": ")
                .append(number(startToFirstCommitSeconds))
                .append(",\n  \"restart_to_first_commit_s\": ")
                .append(restartSeconds.isPresent() ? number(restartSeconds.getAsDouble()) : "null")
                .append(",\n  \"steps\": [\n");
        for (int i = 0; i < results.size(); i++) {
            RateResult r = results.get(i);
            json.append(String.format(
                    Locale.ROOT,
                    "    {\"rate\": %d, \"trigger\": %s, \"objects_under_prefix\": %d, \"sent\": %d,"
                            + " \"stored\": %d, \"upload_errors\": %d, \"upload_p50_ms\": %s, \"upload_p99_ms\": %s,"
                            + " \"send_seconds\": %s, \"cores_while_sending\": %s, \"resident_mib\": %s, \"pipelines\": [",
                    r.rate(),
                    quote(r.trigger()),
                    r.objectsUnderPrefix(),
                    r.sent(),
                    r.stored(),
                    r.uploadErrors(),
                    number(r.uploadP50Ms()),
                    number(r.uploadP99Ms()),
                    number(r.sendSeconds()),
                    object(r.coresWhileSending()),
                    object(r.residentMiB())));
            for (int j = 0; j < r.pipelines().size(); j++) {
                RateResult.PipelineResult p = r.pipelines().get(j);
                json.append(j == 0 ? "\n" : ",\n")
                        .append(String.format(
                                Locale.ROOT,
                                "      {\"name\": %s, \"visible\": %d, \"lost\": %d, \"duplicated\": %d, \"visible_p50_s\": %s,"
                                        + " \"visible_p99_s\": %s, \"visible_max_s\": %s, \"latency_growing\": %b, \"cores\": %s,"
                                        + " \"cpu_ms_per_document\": %s, \"cpu_ms\": %d, \"batches\": %d, \"batch_p50_s\": %s,"
                                        + " \"batch_max_s\": %s, \"planning_p50_ms\": %s, \"planning_max_ms\": %s, \"phase_means_ms\": %s}",
                                quote(p.name()),
                                p.visible(),
                                p.lost(),
                                p.duplicated(),
                                number(p.visibleP50Seconds()),
                                number(p.visibleP99Seconds()),
                                number(p.visibleMaxSeconds()),
                                p.latencyGrowing(),
                                number(p.cores()),
                                number(p.cpuMsPerDocument()),
                                p.cpuMillis(),
                                p.batches(),
                                number(p.batchP50Seconds()),
                                number(p.batchMaxSeconds()),
                                number(p.planningP50Ms()),
                                number(p.planningMaxMs()),
                                object(p.phaseMeansMs())));
            }
            json.append("\n    ]}").append(i + 1 < results.size() ? ",\n" : "\n");
        }
        json.append("  ]\n}\n");
        return json.toString();
    }

    private static String object(Map<String, ? extends Number> values) {
        return values.entrySet().stream()
                .map(e -> quote(e.getKey()) + ": " + number(e.getValue().doubleValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static String number(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "null" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
