package io.docstream.job.arrivals;

import io.docstream.contract.ArrivalHeaders;
import io.docstream.contract.DocType;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One Kafka record of {@code document-arrivals}, parsed: the event, or why it is not one, with the
 * record's coordinates. Between the Kafka source and the document reader it travels as a Spark row of
 * {@link #SCHEMA}, whose {@code dedup_key} is what re-announcements are recognised by.
 */
public record Announcement(int kafkaPartition, long kafkaOffset, String kafkaKey, ArrivalEvent event, String badEvent) {

    static final String DEDUP_KEY = "dedup_key";
    static final String KAFKA_PARTITION = "kafka_partition";
    static final String KAFKA_OFFSET = "kafka_offset";

    public static final StructType SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField(DEDUP_KEY, DataTypes.StringType, false),
            DataTypes.createStructField(KAFKA_PARTITION, DataTypes.IntegerType, false),
            DataTypes.createStructField(KAFKA_OFFSET, DataTypes.LongType, false),
            DataTypes.createStructField("kafka_key", DataTypes.StringType, true),
            DataTypes.createStructField("doc_id", DataTypes.StringType, true),
            DataTypes.createStructField("file_name", DataTypes.StringType, true),
            DataTypes.createStructField("doc_type", DataTypes.StringType, true),
            DataTypes.createStructField("uri", DataTypes.StringType, true),
            DataTypes.createStructField("size", DataTypes.LongType, true),
            DataTypes.createStructField("sha256", DataTypes.StringType, true),
            DataTypes.createStructField("received_at", DataTypes.TimestampType, true),
            DataTypes.createStructField("bad_event", DataTypes.StringType, true)));

    /** Positions in {@link #SCHEMA}: typed operators may hand rows over without their schema. */
    public static final int DEDUP_KEY_INDEX = SCHEMA.fieldIndex(DEDUP_KEY);

    static final int KAFKA_PARTITION_INDEX = SCHEMA.fieldIndex(KAFKA_PARTITION);
    static final int KAFKA_OFFSET_INDEX = SCHEMA.fieldIndex(KAFKA_OFFSET);

    /** A row of the Kafka source (key, value, partition, offset, headers) → a row of {@link #SCHEMA}. */
    public static Row parseKafkaRecord(Row record) {
        byte[] key = record.getAs("key");
        byte[] value = record.getAs("value");
        int partition = record.<Integer>getAs("partition");
        long offset = record.<Long>getAs("offset");
        Map<String, String> headers = new HashMap<>();
        List<Row> headerRows = record.isNullAt(record.fieldIndex("headers"))
                ? List.of()
                : record.getList(record.fieldIndex("headers"));
        for (Row header : headerRows) {
            byte[] headerValue = header.getAs("value");
            headers.put(
                    header.getAs("key"), headerValue == null ? null : new String(headerValue, StandardCharsets.UTF_8));
        }
        String kafkaKey = key == null ? null : new String(key, StandardCharsets.UTF_8);
        ArrivalEvent.Parsed parsed = ArrivalEvent.parse(value, headers);
        if (parsed instanceof ArrivalEvent.Good good) {
            return new Announcement(partition, offset, kafkaKey, good.event(), null)
                    .toRow(ArrivalHeaders.replayId(headers));
        }
        return new Announcement(partition, offset, kafkaKey, null, ((ArrivalEvent.Bad) parsed).message()).toRow();
    }

    /**
     * A document is announced again under the same doc_id; a replay of a quarantined document
     * ({@link ArrivalHeaders#REPLAY_ID}) is a new announcement of it, announced again under the same replay id. A
     * bad event has no trustworthy id, so each is its own entry, keyed by its Kafka coordinates.
     */
    String dedupKey(Optional<String> replayId) {
        if (event == null) {
            return "kafka:" + kafkaPartition + ":" + kafkaOffset;
        }
        return "doc:" + event.docId() + replayId.map(id -> "/replay:" + id).orElse("");
    }

    Row toRow() {
        return toRow(Optional.empty());
    }

    private Row toRow(Optional<String> replayId) {
        return RowFactory.create(
                dedupKey(replayId),
                kafkaPartition,
                kafkaOffset,
                kafkaKey,
                event == null ? null : event.docId(),
                event == null ? null : event.fileName(),
                event == null ? null : event.docType().value(),
                event == null ? null : event.uri(),
                event == null ? null : event.size(),
                event == null ? null : event.sha256(),
                event == null || event.receivedAt() == null ? null : Timestamp.from(event.receivedAt()),
                badEvent);
    }

    public static Announcement fromRow(Row row) {
        int partition = row.<Integer>getAs(KAFKA_PARTITION);
        long offset = row.<Long>getAs(KAFKA_OFFSET);
        String kafkaKey = row.getAs("kafka_key");
        String badEvent = row.getAs("bad_event");
        if (badEvent != null) {
            return new Announcement(partition, offset, kafkaKey, null, badEvent);
        }
        Timestamp receivedAt = row.getAs("received_at");
        ArrivalEvent event = new ArrivalEvent(
                row.getAs("doc_id"),
                row.getAs("file_name"),
                DocType.fromValue(row.getAs("doc_type")).orElseThrow(),
                row.getAs("uri"),
                row.<Long>getAs("size"),
                row.getAs("sha256"),
                receivedAt == null ? null : receivedAt.toInstant());
        return new Announcement(partition, offset, kafkaKey, event, null);
    }
}
