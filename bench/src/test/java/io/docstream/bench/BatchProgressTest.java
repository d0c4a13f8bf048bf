package io.docstream.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A progress line as Spark's StreamingQueryProgress.json() writes it (from a bench run of the job). */
class BatchProgressTest {

    private static final String LINE = "{\"id\":\"0960626c-d344-4954-83fc-4a51d4345323\",\"runId\":\"5d9399b6\","
            + "\"name\":\"documents\",\"timestamp\":\"2026-12-02T14:58:11.608Z\",\"batchId\":3,\"batchDuration\":27627,"
            + "\"numInputRows\":10,\"inputRowsPerSecond\":0.0,\"processedRowsPerSecond\":0.4,\"durationMs\":{\"addBatch\":22697,"
            + "\"commitOffsets\":203,\"getBatch\":610,\"latestOffset\":1867,\"queryPlanning\":1981,\"triggerExecution\":27590,"
            + "\"walCommit\":174},\"stateOperators\":[{\"operatorName\":\"flatMapGroupsWithState\",\"numRowsTotal\":10,"
            + "\"customMetrics\":{\"forceSnapshotCount\":0}}],\"sources\":[{\"description\":\"KafkaV2[Subscribe[document-arrivals]]\","
            + "\"numInputRows\":10,\"metrics\":{\"avgOffsetsBehindLatest\":\"0.0\"}}],\"sink\":{\"description\":\"ForeachBatchSink\","
            + "\"numOutputRows\":-1}}";

    @Test
    void aProgressLineGivesTheBatchItsStartAndItsPhases() {
        BatchProgress.Batch batch = BatchProgress.parse(LINE);
        assertEquals(3, batch.batchId());
        assertEquals(Instant.parse("2026-12-02T14:58:11.608Z"), batch.start());
        assertEquals(10, batch.inputRows());
        assertEquals(27590, batch.totalMs());
        assertEquals(22697, batch.sinkMs());
        assertEquals(1867 + 610 + 1981, batch.planningMs(), "latestOffset + getBatch + queryPlanning");
    }

    @Test
    void aLineThatIsNotProgressIsSkipped() {
        assertNull(BatchProgress.parse("{\"something\":\"else\"}"));
    }
}
