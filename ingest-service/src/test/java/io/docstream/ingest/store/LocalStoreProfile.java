package io.docstream.ingest.store;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The service as it runs with nothing configured: documents in a local folder. */
public class LocalStoreProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("docstream.store.kind", "local");
    }
}
