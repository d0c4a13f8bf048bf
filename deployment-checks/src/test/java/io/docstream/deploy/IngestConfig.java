package io.docstream.deploy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the ingest service's own configuration file says: its property names (any profile) and their
 * default (profile-less) values. Read from ingest-service/src/main/resources/application.properties.
 */
final class IngestConfig {
    static final String FILE = "ingest-service/src/main/resources/application.properties";

    private final Set<String> names = new TreeSet<>();
    private final Map<String, String> defaults = new LinkedHashMap<>();

    IngestConfig(String propertiesText) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(propertiesText));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String key : p.stringPropertyNames()) {
            String name = key;
            if (key.startsWith("%")) {
                int dot = key.indexOf('.');
                name = dot < 0 ? key : key.substring(dot + 1);
            } else {
                defaults.put(key, p.getProperty(key).trim());
            }
            // Quoted segments ("a.b") are kept as they are; this project uses none.
            names.add(name);
        }
    }

    /**
     * The repository's ingest service, when it has an application.properties yet: its names plus the
     * names its @ConfigMapping interface declares (optional settings that the file leaves unset).
     */
    static Optional<IngestConfig> fromRepo() {
        return Repo.readIfExists(FILE).map(text -> {
            IngestConfig c = new IngestConfig(text);
            c.names.addAll(ConfigMappingNames.of(io.docstream.ingest.config.IngestConfig.class));
            return c;
        });
    }

    /** Adds names declared elsewhere (a @ConfigMapping). */
    IngestConfig with(java.util.Collection<String> more) {
        names.addAll(more);
        return this;
    }

    /** The environment variable name SmallRye Config maps to a property (non-alphanumerics to _, upper). */
    static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** The property an environment variable sets, if application.properties has it. */
    Optional<String> propertyForEnv(String env) {
        return names.stream().filter(n -> envName(n).equals(env)).findFirst();
    }

    Set<String> names() {
        return names;
    }

    Optional<String> defaultValue(String property) {
        return Optional.ofNullable(defaults.get(property));
    }

    /** quarkus.http.port, 8080 when the file does not set it (Quarkus' default). */
    int httpPort() {
        return Integer.parseInt(defaults.getOrDefault("quarkus.http.port", "8080"));
    }
}
