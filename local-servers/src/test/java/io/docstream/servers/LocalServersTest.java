package io.docstream.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launchers start real servers that answer, and leave nothing running when closed. */
class LocalServersTest {

    @TempDir
    Path dir;

    @Test
    void kafkaBrokerListensStopsAndComesBackOnTheSamePort() {
        try (KafkaBroker broker = KafkaBroker.start(dir.resolve("kafka"))) {
            assertTrue(FreePort.isInUse(broker.port()));
            ProcessHandle first = ProcessHandle.of(broker.pid()).orElseThrow();

            broker.kill();
            assertFalse(first.isAlive());
            assertFalse(FreePort.isInUse(broker.port()));

            broker.restart();
            assertTrue(broker.isRunning());
            assertTrue(FreePort.isInUse(broker.port()));
        }
    }

    @Test
    void s3ServerRejectsUnsignedRequests() throws Exception {
        long pid;
        try (S3Server s3 = S3Server.start(dir.resolve("s3"))) {
            pid = s3.pid();
            HttpURLConnection anonymous =
                    (HttpURLConnection) URI.create(s3.endpoint() + "/").toURL().openConnection();
            assertEquals(403, anonymous.getResponseCode());
        }
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }

    @Test
    void theServersStateIsTheirOwnersOnly() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(dir.resolve("kafka"));
                S3Server s3 = S3Server.start(dir.resolve("s3"))) {
            assertTrue(broker.isRunning());
            assertEquals("rw-------", permissions(s3.dataDir().resolve("s3proxy.conf")));
            assertEquals("rwx------", permissions(s3.dataDir().resolve("buckets")));
            try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(dir.resolve("kafka"))) {
                List<String> open = files.filter(
                                p -> !permissions(p).substring(3).equals("------"))
                        .map(p -> p + " " + permissions(p))
                        .toList();
                assertEquals(List.of(), open, "Kafka files others can read");
            }
        }
    }

    static String permissions(Path path) {
        try {
            return java.nio.file.attribute.PosixFilePermissions.toString(
                    java.nio.file.Files.getPosixFilePermissions(path));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aPortInUseIsAClearError() {
        try (S3Server s3 = S3Server.start(dir.resolve("s3"))) {
            IllegalStateException error =
                    assertThrows(IllegalStateException.class, () -> KafkaBroker.start(dir.resolve("kafka"), s3.port()));
            assertTrue(error.getMessage().contains("already in use"), error.getMessage());
        }
    }

    @Test
    void clusterIdsNeverLookLikeCommandLineOptions() {
        // One random id in 64 would start with '-' and make the storage tool fail to parse its arguments.
        for (int i = 0; i < 5_000; i++) {
            String id = KafkaBroker.clusterId();
            assertEquals(22, id.length(), id);
            assertFalse(id.startsWith("-"), id);
        }
    }
}
