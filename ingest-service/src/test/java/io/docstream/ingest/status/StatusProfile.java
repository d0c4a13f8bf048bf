package io.docstream.ingest.status;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Status requests held up to 5 s: the test profile's 3 s request deadline (for the slow-body tests) would cut every
 * hold to 2 s, too close to tell an answer given by an outcome from one given at the end of the wait.
 */
public class StatusProfile implements QuarkusTestProfile {

    static final long MAX_WAIT_MS = 5000;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("docstream.status.max-wait", MAX_WAIT_MS + "ms");
    }
}
