package io.docstream.job.arrivals;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapGroupsWithStateFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.GroupState;

/**
 * Keeps the first announcement of a dedup_key and drops the re-announcements that follow within the
 * window; the state of a key is the processing time it was first seen, removed when the window ends.
 *
 * <p>Why not Spark's {@code dropDuplicatesWithinWatermark}: its watermark and the batch timestamp are
 * literals in the generated code, so every micro-batch generated new classes, each compiled by janino and
 * then by the JIT again. Here every batch runs the same code.
 * Time is the batch's processing time, recorded in the checkpoint, so a re-run batch decides the same way.
 */
public final class FirstAnnouncement implements FlatMapGroupsWithStateFunction<String, Row, Long, Row> {

    private static final long serialVersionUID = 1L;

    private final long windowMs;

    public FirstAnnouncement(long windowMs) {
        this.windowMs = windowMs;
    }

    @Override
    public Iterator<Row> call(String dedupKey, Iterator<Row> announcements, GroupState<Long> firstSeen) {
        if (firstSeen.hasTimedOut()) {
            firstSeen.remove();
            return Collections.emptyIterator();
        }
        long now = firstSeen.getCurrentProcessingTimeMs();
        boolean remembered = firstSeen.exists() && now - firstSeen.get() < windowMs;
        Row earliest = earliest(announcements);
        if (remembered || earliest == null) {
            return Collections.emptyIterator();
        }
        firstSeen.update(now);
        firstSeen.setTimeoutDuration(windowMs);
        return List.of(earliest).iterator();
    }

    /**
     * The lowest Kafka coordinates among one batch's announcements of a key: the order of rows within a
     * group is not defined, and a re-run batch must write the same lineage.
     */
    private static Row earliest(Iterator<Row> announcements) {
        Row earliest = null;
        while (announcements.hasNext()) {
            Row candidate = announcements.next();
            if (earliest == null || before(candidate, earliest)) {
                earliest = candidate;
            }
        }
        return earliest;
    }

    private static boolean before(Row a, Row b) {
        int partitions = Integer.compare(
                a.getInt(Announcement.KAFKA_PARTITION_INDEX), b.getInt(Announcement.KAFKA_PARTITION_INDEX));
        if (partitions != 0) {
            return partitions < 0;
        }
        return a.getLong(Announcement.KAFKA_OFFSET_INDEX) < b.getLong(Announcement.KAFKA_OFFSET_INDEX);
    }
}
