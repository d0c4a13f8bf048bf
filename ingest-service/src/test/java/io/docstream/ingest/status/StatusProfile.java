package io.docstream.ingest.status;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Status requests held up to 5 s rather than 25: long enough to tell an answer given by an outcome from one given
 * at the end of the wait, short enough for a test that waits the whole cap out.
 */
public class StatusProfile implements QuarkusTestProfile {

    static final long MAX_WAIT_MS = 5000;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("docstream.status.max-wait", MAX_WAIT_MS + "ms");
    }
}
