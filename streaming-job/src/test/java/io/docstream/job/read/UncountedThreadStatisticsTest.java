package io.docstream.job.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.statistics.IOStatisticsContext;
import org.apache.hadoop.fs.statistics.IOStatisticsSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A document-reader thread's Hadoop streams do not pile their counters into a per-thread context; others still do. */
class UncountedThreadStatisticsTest {

    @TempDir
    Path folder;

    @Test
    void aReaderThreadKeepsNoThreadStatisticsWhileAnOrdinaryThreadDoes() throws Exception {
        Path document = Files.writeString(
                folder.resolve("bulletin.txt"), "CLASS CODE: 1234\n".repeat(100), StandardCharsets.UTF_8);

        IOStatisticsSnapshot ordinary = readOnNewThread(document, false);
        IOStatisticsSnapshot reader = readOnNewThread(document, true);

        assertTrue(
                ordinary.counters().values().stream().anyMatch(count -> count > 0),
                "an ordinary thread's context counts the read: " + ordinary);
        assertFalse(
                reader.counters().values().stream().anyMatch(count -> count > 0),
                "the reader thread's context keeps nothing: " + reader);
    }

    private static IOStatisticsSnapshot readOnNewThread(Path document, boolean uncounted) throws Exception {
        AtomicReference<IOStatisticsSnapshot> seen = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable read = () -> {
            try {
                FileSystem fs = FileSystem.getLocal(new Configuration()).getRawFileSystem();
                try (InputStream in = fs.open(new org.apache.hadoop.fs.Path(document.toUri()))) {
                    assertEquals(Files.size(document), in.readAllBytes().length);
                }
                seen.set(IOStatisticsContext.getCurrentIOStatisticsContext().snapshot());
            } catch (Throwable e) {
                failure.set(e);
            }
        };
        Thread thread = uncounted ? DocumentProcessor.readerThreads().newThread(read) : new Thread(read);
        thread.start();
        thread.join();
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        return seen.get();
    }
}
