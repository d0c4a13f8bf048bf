package io.docstream.ingest.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.docstream.ingest.config.IngestConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keys the service starts with, from the settings alone (no running service). */
class ApiKeysTest {

    @TempDir
    Path dir;

    @Test
    void aKeysFileThatCannotBeReadStopsTheStartAndNamesItsPathOnly() {
        ApiKeys keys = new ApiKeys(config(
                Map.of("docstream.auth.api-keys-file", dir.resolve("missing").toString())));

        UncheckedIOException failure = assertThrows(UncheckedIOException.class, () -> keys.start(null));
        assertTrue(failure.getMessage().contains(dir.resolve("missing").toString()), failure.getMessage());
        assertTrue(failure.getMessage().contains("docstream.auth.api-keys-file"), failure.getMessage());
    }

    @Test
    void theFilesKeysAddToTheEnvironmentsKeys() throws Exception {
        Path file = Files.writeString(dir.resolve("keys"), "# two keys\nfile-key-1\n\n  file-key-2 \n");
        ApiKeys keys = new ApiKeys(config(Map.of(
                "docstream.auth.api-keys", "env-key-1,env-key-2", "docstream.auth.api-keys-file", file.toString())));
        try {
            keys.start(null);
            assertEquals(4, keys.count());
            for (String key : List.of("env-key-1", "env-key-2", "file-key-1", "file-key-2")) {
                assertTrue(keys.isKnown(ApiKeyFilter.digest(key)), key);
            }
            assertFalse(keys.isKnown(ApiKeyFilter.digest("# two keys")));
            assertFalse(keys.isKnown(ApiKeyFilter.digest("  file-key-2 ")));
        } finally {
            keys.stop(null);
        }
    }

    @Test
    void aLineIsAKeyUnlessBlankOrAComment() {
        assertEquals(
                List.of("a", "b c", "d#not-a-comment"),
                ApiKeyFile.parse("# comment\r\n a \r\n\n\t# indented comment\nb c\nd#not-a-comment\n#"));
    }

    private static IngestConfig config(Map<String, String> values) {
        return new SmallRyeConfigBuilder()
                .withMapping(IngestConfig.class)
                // Quarkus's notation for durations ("10s"), as the running service reads them
                .withConverter(Duration.class, 200, new DurationConverter())
                .withDefaultValues(values)
                .build()
                .getConfigMapping(IngestConfig.class);
    }
}
