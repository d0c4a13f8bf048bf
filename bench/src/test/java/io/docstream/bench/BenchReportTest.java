package io.docstream.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchReportTest {

    @Test
    void theTriggerIsPrintedCompactly() {
        assertEquals("1s", BenchReport.compact("1 second"));
        assertEquals("5s", BenchReport.compact("5 seconds"));
        assertEquals("500ms", BenchReport.compact("500 milliseconds"));
        assertEquals("2min", BenchReport.compact("2 minutes"));
    }

    @Test
    void theSummaryLineHasTheFormOtherChecksRead() {
        RateResult result = step(20, 1200, 1000, 4.0, false);
        assertEquals(
                "bench: rate=20/s trigger=1s sent=1200 visible=1200 lost=0 duplicated=0 visible_p50=1.23s"
                        + " visible_p99=4.00s job_cores=0.25 ingest_cores=0.10",
                result.summaryLine(result.pipelines().get(0)));
    }

    @Test
    void theFitSeparatesTheCostPerBatchFromTheCostPerDocument() {
        // CPU = 800 ms per batch + 2 ms per document, at three rates of 60 batches each.
        List<RateResult> steps = List.of(
                step(20, 1200, 60 * 800 + 1200 * 2, 2.0, false),
                step(50, 3000, 60 * 800 + 3000 * 2, 3.0, false),
                step(100, 6000, 60 * 800 + 6000 * 2, 9.0, false));
        double[] cost = new BenchReport("t", "bench", steps).fixedAndPerDocumentCost("docstream");
        assertEquals(800, cost[0], 1e-6);
        assertEquals(2, cost[1], 1e-6);
    }

    @Test
    void theSustainedRateIsTheHighestThatKeptUpAndIgnoresFilledPrefixSteps() {
        List<RateResult> steps = List.of(
                step(20, 1200, 1, 2.0, false),
                step(50, 3000, 1, 4.5, false),
                step(100, 6000, 1, 9.0, false),
                step(20, 1200, 1, 1.0, true));
        BenchReport report = new BenchReport("t", "bench", steps);
        assertEquals(50, report.sustainedRate("docstream").getAsInt());
        assertTrue(
                report.markdown()
                        .contains(
                                "docstream: highest rate with p99 ≤ 5 s, nothing lost, latency not growing: 50 docs/s"),
                report.markdown());
    }

    private static RateResult step(int rate, int documents, long cpuMillis, double p99, boolean filled) {
        RateResult.PipelineResult pipeline = new RateResult.PipelineResult(
                "docstream",
                documents,
                0,
                0,
                1.234,
                p99,
                p99,
                false,
                0.25,
                (double) cpuMillis / documents,
                cpuMillis,
                60,
                0.5,
                0.9,
                80,
                120,
                Map.of("addBatch", 400.0),
                List.of(new double[] {0, 1}));
        return new RateResult(
                rate,
                "1 second",
                filled ? 10_000 : documents,
                filled,
                documents,
                documents,
                0,
                20,
                80,
                60,
                Map.of("ingest-service", 0.1),
                Map.of("streaming-job", 700L),
                List.of(pipeline));
    }
}
