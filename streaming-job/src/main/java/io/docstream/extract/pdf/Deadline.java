package io.docstream.extract.pdf;

import java.time.Duration;

/** The time one document may take; passing it ends the document's extraction with {@link OverTimeLimit}. */
final class Deadline {

    private final long endNanos;
    private final Duration limit;

    private Deadline(Duration limit) {
        this.limit = limit;
        this.endNanos = System.nanoTime() + limit.toNanos();
    }

    static Deadline after(Duration limit) {
        return new Deadline(limit);
    }

    void check() {
        if (System.nanoTime() - endNanos > 0) {
            throw new OverTimeLimit(limit);
        }
    }

    long remainingMillis() {
        return Math.max(0, (endNanos - System.nanoTime()) / 1_000_000);
    }

    /** Unchecked, so it passes through PDFBox's callbacks; caught by {@link PdfBulletinText}. */
    static final class OverTimeLimit extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OverTimeLimit(Duration limit) {
            super("the document took longer than the limit of " + limit.toMillis() + " ms", null, false, false);
        }
    }
}
