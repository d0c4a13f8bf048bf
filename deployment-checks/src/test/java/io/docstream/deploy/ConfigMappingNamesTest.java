package io.docstream.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigMappingNamesTest {

    @ConfigMapping(prefix = "docstream")
    interface Cfg {
        /** The topic. */
        @WithDefault("document-arrivals")
        String topic();

        Store store();

        default String derived() {
            return topic();
        }

        interface Store {
            @WithDefault("local")
            StoreKind kind();

            S3 s3();
        }

        enum StoreKind {
            local,
            s3
        }

        interface S3 {
            Optional<String> endpoint();

            @WithName("path-style")
            @WithDefault("false")
            boolean pathStyle();

            @WithDefault("52428800")
            long maxBytes();

            Optional<List<String>> apiKeys();
        }
    }

    @Test
    void namesOfANestedMapping() {
        assertEquals(
                Set.of(
                        "docstream.topic",
                        "docstream.store.kind",
                        "docstream.store.s3.endpoint",
                        "docstream.store.s3.path-style",
                        "docstream.store.s3.max-bytes",
                        "docstream.store.s3.api-keys"),
                ConfigMappingNames.of(Cfg.class));
    }

    @Test
    void theIngestServicesMappingIsRead() {
        Set<String> names = ConfigMappingNames.of(io.docstream.ingest.config.IngestConfig.class);
        for (String name : List.of(
                "docstream.topic",
                "docstream.store.s3.endpoint",
                "docstream.upload.max-bytes",
                "docstream.http.public-base-url",
                "docstream.auth.api-keys",
                "docstream.auth.api-keys-file",
                "docstream.http.min-body-rate")) {
            assertTrue(names.contains(name), name + " in " + names);
        }
    }
}
