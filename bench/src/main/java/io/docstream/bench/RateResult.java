package io.docstream.bench;

import java.util.List;
import java.util.Map;

/** What one load step measured: the uploads, each process's CPU and memory, and each pipeline's table. */
record RateResult(
        int rate,
        String trigger,
        long objectsUnderPrefix,
        boolean filledPrefix,
        int sent,
        int stored,
        int uploadErrors,
        double uploadP50Ms,
        double uploadP99Ms,
        double sendSeconds,
        Map<String, Double> coresWhileSending,
        Map<String, Long> residentMiB,
        List<PipelineResult> pipelines) {

    /** One pipeline (ours, or the reference peer) in this step. */
    record PipelineResult(
            String name,
            int visible,
            int lost,
            int duplicated,
            double visibleP50Seconds,
            double visibleP99Seconds,
            double visibleMaxSeconds,
            boolean latencyGrowing,
            double cores,
            double cpuMsPerDocument,
            long cpuMillis,
            int batches,
            double batchP50Seconds,
            double batchMaxSeconds,
            double planningP50Ms,
            double planningMaxMs,
            Map<String, Double> phaseMeansMs,
            List<double[]> freshness) {

        /** Keeps up: every stored document visible, none twice, p99 within 5 s and not growing over the run. */
        boolean keepsUp() {
            return lost == 0 && duplicated == 0 && visibleP99Seconds <= 5.0 && !latencyGrowing;
        }
    }

    String summaryLine(PipelineResult pipeline) {
        return String.format(
                java.util.Locale.ROOT,
                "bench: rate=%d/s trigger=%s sent=%d visible=%d lost=%d duplicated=%d visible_p50=%.2fs visible_p99=%.2fs"
                        + " job_cores=%.2f ingest_cores=%.2f",
                rate,
                BenchReport.compact(trigger),
                sent,
                pipeline.visible(),
                pipeline.lost(),
                pipeline.duplicated(),
                pipeline.visibleP50Seconds(),
                pipeline.visibleP99Seconds(),
                pipeline.cores(),
                coresWhileSending.getOrDefault("ingest-service", 0.0));
    }
}
