package io.docstream.table;

/**
 * Told on the driver, after both tables of a micro-batch are committed, what the batch committed. Called on the
 * query's thread before the next batch starts: keep it short and never throw for an outside fault (a listener
 * that cannot reach its own service must retry or drop on its own, never hold the tables back).
 */
@FunctionalInterface
public interface BatchCommitListener {

    void committed(CommittedBatch batch);
}
