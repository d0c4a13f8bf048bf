package io.docstream.job.arrivals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.streaming.GroupStateTimeout;
import org.apache.spark.sql.streaming.TestGroupState;
import org.junit.jupiter.api.Test;

/** The re-announcement filter: which announcement of a doc_id goes on, and for how long it is remembered. */
class FirstAnnouncementTest {

    private static final long HOUR = 3_600_000L;
    private static final long NOW = 1_800_000_000_000L;
    private static final String KEY = "doc:0123456789abcdef0123456789abcdef";

    private final FirstAnnouncement filter = new FirstAnnouncement(HOUR);

    @Test
    void aNewDocIdPassesOnceWithItsLowestKafkaCoordinatesAndIsRememberedForTheWindow() {
        TestGroupState<Long> state = state(Optional.empty(), false);

        List<Row> passed = run(state, announcement(1, 40), announcement(0, 75), announcement(0, 12));

        assertEquals(1, passed.size(), "one announcement per doc_id and batch");
        assertEquals(0, passed.get(0).getInt(Announcement.KAFKA_PARTITION_INDEX));
        assertEquals(12L, passed.get(0).getLong(Announcement.KAFKA_OFFSET_INDEX));
        assertEquals(NOW, state.get(), "remembered as first seen now");
        assertEquals(NOW + HOUR, state.getTimeoutTimestampMs().get(), "forgotten when the window ends");
    }

    @Test
    void aReAnnouncementWithinTheWindowIsDropped() {
        TestGroupState<Long> state = state(Optional.of(NOW - HOUR + 1), false);

        assertTrue(run(state, announcement(0, 99)).isEmpty());
        assertEquals(NOW - HOUR + 1, state.get(), "the window still counts from the first announcement");
    }

    @Test
    void anAnnouncementAfterTheWindowPassesAgainEvenBeforeTheTimeoutRan() {
        // without empty batches, an expired key can meet new data before its timeout was processed
        TestGroupState<Long> state = state(Optional.of(NOW - HOUR), false);

        assertEquals(1, run(state, announcement(0, 99)).size());
        assertEquals(NOW, state.get());
    }

    @Test
    void aTimedOutDocIdIsForgotten() {
        TestGroupState<Long> state = state(Optional.of(NOW - HOUR), true);

        assertTrue(run(state).isEmpty());
        assertTrue(state.isRemoved());
        assertFalse(state.exists());
    }

    private List<Row> run(TestGroupState<Long> state, Row... announcements) {
        List<Row> passed = new ArrayList<>();
        Iterator<Row> out = filter.call(KEY, List.of(announcements).iterator(), state);
        out.forEachRemaining(passed::add);
        return passed;
    }

    private static TestGroupState<Long> state(Optional<Long> firstSeen, boolean timedOut) {
        return TestGroupState.create(
                firstSeen, GroupStateTimeout.ProcessingTimeTimeout(), NOW, Optional.empty(), timedOut);
    }

    private static Row announcement(int partition, long offset) {
        Object[] values = new Object[Announcement.SCHEMA.size()];
        values[Announcement.DEDUP_KEY_INDEX] = KEY;
        values[Announcement.KAFKA_PARTITION_INDEX] = partition;
        values[Announcement.KAFKA_OFFSET_INDEX] = offset;
        return RowFactory.create(values);
    }
}
