package io.docstream.table;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one micro-batch committed, told to the driver's {@link BatchCommitListener}s once both tables are
 * committed: each table's commit and each document's outcome. A batch re-run after a crash is told again, with
 * the versions its first attempt committed, so what listeners derive from it is the same both times.
 *
 * @param queryId   the streaming query's id (the tables' transaction appId)
 * @param batchId   the micro-batch id (the tables' transaction version)
 * @param tables    by table name ({@link DeltaTables#DOCUMENTS}, {@link DeltaTables#QUARANTINE}): only tables the
 *                  batch wrote rows to
 * @param documents one outcome per document of the batch
 */
public record CommittedBatch(
        String queryId, long batchId, Map<String, TableCommit> tables, List<DocumentOutcome> documents) {

    /**
     * One table's commit of the batch.
     *
     * @param version     the table version that holds the batch's rows
     * @param committedAt when that version was committed
     * @param rows        rows the batch added to the table
     * @param reRun       whether an earlier attempt of the batch had committed it (nothing written now)
     */
    public record TableCommit(String table, long version, Instant committedAt, long rows, boolean reRun) {}

    /**
     * What became of one announced document in this batch.
     *
     * @param table          {@link DeltaTables#DOCUMENTS} (it became rows) or {@link DeltaTables#QUARANTINE}
     * @param rows           rows written for it (records of a JSON document; 1 for a bulletin or a quarantine entry)
     * @param reason         the quarantine reason code; null for documents
     * @param message        the quarantine message; null for documents
     * @param ingestedAt     when the ingest service received it; null when the event did not say (a bad event)
     */
    public record DocumentOutcome(
            String docId,
            String fileName,
            String sourceUri,
            String table,
            long rows,
            String reason,
            String message,
            int kafkaPartition,
            long kafkaOffset,
            Instant ingestedAt) {

        public boolean quarantined() {
            return DeltaTables.QUARANTINE.equals(table);
        }
    }
}
