package io.docstream.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The demo hands the job its locations, not its pace: the trigger is the job's own default or DOCSTREAM_TRIGGER. */
class PipelineSettingsTest {

    @Test
    void theDemoLeavesTheTriggerToTheJobsSettings() {
        PipelineSettings settings = new PipelineSettings(
                DemoOptions.Store.LOCAL, Path.of("/tmp/state"), "127.0.0.1:9092", null, null, null, 8080, "key");
        assertFalse(
                settings.jobConfs().containsKey("spark.docstream.trigger"),
                settings.jobConfs().toString());
        assertEquals("127.0.0.1:9092", settings.jobConfs().get("spark.docstream.kafka.bootstrap"));
    }

    @Test
    void theApiKeyStaysOffTheIngestServicesCommandLine() {
        String key = "demo-key-4f1c";
        PipelineSettings settings = new PipelineSettings(
                DemoOptions.Store.S3,
                Path.of("/tmp/state"),
                "127.0.0.1:9092",
                "http://127.0.0.1:9000",
                "ak",
                "sk",
                8080,
                key);
        // What `ps` shows any user of the machine is the command line: the key travels in the environment, which only
        // the process's owner can read.
        for (String argument : PipelineSettings.asSystemProperties(settings.ingestProperties())) {
            assertFalse(argument.contains(key), argument);
        }
        assertEquals(key, settings.ingestEnvironment().get("DOCSTREAM_AUTH_API_KEYS"));
    }
}
