package io.docstream.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/ingest-service.md's configuration table and the ingest service's settings (its {@code @ConfigMapping} and
 * application.properties) name the same {@code docstream.*} settings, and each row gives the environment variable
 * Quarkus really maps to its property.
 */
class IngestSettingsDocsTest {

    static final String DOC = "docs/ingest-service.md";

    @Test
    void theConfigurationTableIsTheServicesSettings() {
        IngestConfig config = IngestConfig.fromRepo().orElseThrow();
        Map<String, String> rows = rows(Repo.read(DOC));
        assertFalse(rows.isEmpty(), DOC + " has no configuration table");

        Set<String> undocumented = new TreeSet<>();
        config.names().stream()
                .filter(name -> name.startsWith("docstream."))
                .filter(name -> !rows.containsKey(name))
                .forEach(undocumented::add);
        assertEquals(Set.of(), undocumented, "settings of the ingest service missing from " + DOC);

        Set<String> unknown = new TreeSet<>(rows.keySet());
        unknown.removeAll(config.names());
        assertEquals(Set.of(), unknown, DOC + " documents settings the ingest service does not have");

        List<String> wrongEnv = new ArrayList<>();
        rows.forEach((property, env) -> {
            if (!IngestConfig.envName(property).equals(env)) {
                wrongEnv.add(
                        property + " is documented as " + env + ", Quarkus reads " + IngestConfig.envName(property));
            }
        });
        assertEquals(List.of(), wrongEnv);
    }

    /** Property → environment variable, from the rows of the table under "## Configuration". */
    static Map<String, String> rows(String doc) {
        int start = doc.indexOf("## Configuration");
        int end = doc.indexOf("\n## ", start + 1);
        Map<String, String> rows = new LinkedHashMap<>();
        if (start < 0) {
            return rows;
        }
        Pattern name = Pattern.compile("`([^`]+)`");
        for (String line : doc.substring(start, end < 0 ? doc.length() : end).split("\n")) {
            String[] cells = line.split("\\|");
            if (cells.length < 4 || !cells[1].strip().startsWith("`")) {
                continue;
            }
            List<String> properties = backticked(name.matcher(cells[1]));
            List<String> envs = backticked(name.matcher(cells[2]));
            for (int i = 0; i < properties.size(); i++) {
                rows.put(properties.get(i), i < envs.size() ? envs.get(i) : "(none)");
            }
        }
        return rows;
    }

    private static List<String> backticked(Matcher m) {
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
