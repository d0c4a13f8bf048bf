package io.docstream.job.arrivals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.docstream.contract.ArrivalHeaders;
import io.docstream.contract.ContractSchema;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * What the re-announcement filter keys on: a document announced again (a client's retry) has the key of its first
 * announcement and is dropped; a replay of it ({@code ce_replayid}) has a key of its own, so it is read again, and
 * the same replay announced twice shares that key, so it is read once.
 */
class ReplayAnnouncementTest {

    private static final String DOC_ID = "3f2b9c1e0a7d4b5c8e6f1a2b3c4d5e6f";

    private static final StructType HEADER = DataTypes.createStructType(List.of(
            DataTypes.createStructField("key", DataTypes.StringType, false),
            DataTypes.createStructField("value", DataTypes.BinaryType, true)));

    /** The columns of Spark's Kafka source that the job reads ({@code includeHeaders}). */
    private static final StructType KAFKA_SOURCE = DataTypes.createStructType(List.of(
            DataTypes.createStructField("key", DataTypes.BinaryType, true),
            DataTypes.createStructField("value", DataTypes.BinaryType, true),
            DataTypes.createStructField("partition", DataTypes.IntegerType, false),
            DataTypes.createStructField("offset", DataTypes.LongType, false),
            DataTypes.createStructField("headers", DataTypes.createArrayType(HEADER), true)));

    @Test
    void aReplayIsNotAReAnnouncementAndAReplayAnnouncedTwiceIsOne() {
        String first = dedupKey(0, 10, ArrivalHeaders.of("e1", Instant.EPOCH, DOC_ID));
        String retry = dedupKey(0, 11, ArrivalHeaders.of("e2", Instant.EPOCH, DOC_ID));
        String replay = dedupKey(0, 12, ArrivalHeaders.replay("e3", Instant.EPOCH, DOC_ID, "r1"));
        String replayAgain = dedupKey(0, 13, ArrivalHeaders.replay("e4", Instant.EPOCH, DOC_ID, "r1"));
        String laterReplay = dedupKey(0, 14, ArrivalHeaders.replay("e5", Instant.EPOCH, DOC_ID, "r2"));

        assertEquals(first, retry, "a client's retry is the same document");
        assertNotEquals(first, replay, "a replay is read again");
        assertEquals(replay, replayAgain, "the same replay twice is read once");
        assertNotEquals(replay, laterReplay, "a replay of a later quarantine entry is read again");
    }

    private static String dedupKey(int partition, long offset, Map<String, String> headers) {
        List<Row> headerRows = new ArrayList<>();
        headers.forEach((name, value) -> headerRows.add(
                new GenericRowWithSchema(new Object[] {name, value.getBytes(StandardCharsets.UTF_8)}, HEADER)));
        Row record = new GenericRowWithSchema(
                new Object[] {
                    DOC_ID.getBytes(StandardCharsets.UTF_8),
                    ContractSchema.ARRIVALS
                            .example()
                            .replace("3f2b9c1e0a7d4b5c8e6f1a2b3c4d5e6f", DOC_ID)
                            .getBytes(StandardCharsets.UTF_8),
                    partition,
                    offset,
                    scala.jdk.javaapi.CollectionConverters.asScala(headerRows).toSeq()
                },
                KAFKA_SOURCE);
        Row announcement = Announcement.parseKafkaRecord(record);
        assertTrue(announcement.isNullAt(Announcement.SCHEMA.fieldIndex("bad_event")), "a good event");
        return announcement.getString(Announcement.DEDUP_KEY_INDEX);
    }
}
