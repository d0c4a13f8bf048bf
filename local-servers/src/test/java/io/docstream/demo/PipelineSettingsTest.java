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
}
