package io.docstream.table;

import java.io.Serializable;

/**
 * How large a batch may be and still be committed from the driver by Delta Kernel: its rows are brought to the
 * driver's memory. Larger batches are written by delta-spark from the executors. {@code maxRows} 0 sends every
 * batch through delta-spark.
 *
 * @param maxRows  rows of both tables together
 * @param maxBytes the rows' estimated size in memory ({@link RowCounter})
 */
public record DriverCommitBound(long maxRows, long maxBytes) implements Serializable {

    public DriverCommitBound {
        if (maxRows < 0 || maxBytes < 0) {
            throw new IllegalArgumentException(
                    "driver commit bounds cannot be negative: " + maxRows + " rows, " + maxBytes + " bytes");
        }
    }

    boolean admits(long rows, long bytes) {
        return rows <= maxRows && bytes <= maxBytes && maxRows > 0;
    }
}
