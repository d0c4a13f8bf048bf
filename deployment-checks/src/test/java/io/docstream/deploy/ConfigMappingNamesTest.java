package io.docstream.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigMappingNamesTest {
  @Test
  void namesOfANestedMapping() {
    String source = """
        package x;
        /** Settings {@code docstream.*}, e.g. http://example.com // not a comment end */
        @ConfigMapping(prefix = "docstream")
        public interface Cfg {
            /** The topic. */
            @WithDefault("document-arrivals")
            String topic();
            Store store();
            interface Store {
                @WithDefault("local") // the kind
                StoreKind kind();
                S3 s3();
            }
            enum StoreKind { local, s3 }
            interface S3 {
                Optional<String> endpoint();
                @WithName("path-style")
                @WithDefault("false")
                boolean pathStyle();
                @WithDefault("52428800")
                long maxBytes();
                Optional<java.util.List<String>> apiKeys();
            }
        }
        """;
    assertEquals(Set.of("docstream.topic", "docstream.store.kind", "docstream.store.s3.endpoint",
        "docstream.store.s3.path-style", "docstream.store.s3.max-bytes", "docstream.store.s3.api-keys"),
        ConfigMappingNames.parse(source));
  }
}
