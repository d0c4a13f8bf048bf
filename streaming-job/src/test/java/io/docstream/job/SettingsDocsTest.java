package io.docstream.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link JobSettings.Key} is the one table of the job's settings: {@code bin/docstream job --help} and the
 * settings table of docs/streaming-job.md list exactly its keys, in its order, with its names and defaults.
 */
class SettingsDocsTest {

    private static final Path REPO = Path.of("..");

    @Test
    void theJobCommandsUsageListsEveryKey() throws IOException {
        String script = Files.readString(REPO.resolve("bin/commands/job"));
        String table = script.substring(script.indexOf("Settings (argument / --conf / environment, default):\n"));
        List<String> shown = new ArrayList<>();
        for (String line : table.lines().skip(1).toList()) {
            if (!line.startsWith("  --")) {
                break;
            }
            String[] cells = line.strip().split("\\s+", 4);
            // An empty default is shown as what applies instead, in parentheses: (none), (AWS), ...
            String shownDefault = cells.length > 3 && cells[3].startsWith("(") ? "" : cells.length > 3 ? cells[3] : "?";
            shown.add(String.join(" | ", cells[0], cells[1], cells[2], shownDefault));
        }
        List<String> expected = Arrays.stream(JobSettings.Key.values())
                .map(key -> String.join(" | ", "--" + key.argument(), key.conf(), key.env(), key.defaultValue()))
                .toList();
        assertEquals(expected, shown, "bin/commands/job's usage vs JobSettings.Key");
    }

    @Test
    void theDocsSettingsTableListsEveryKey() throws IOException {
        String doc = Files.readString(REPO.resolve("docs/streaming-job.md"));
        String section = doc.substring(doc.indexOf("## Configuration"));
        List<String> shown = new ArrayList<>();
        for (String line : section.lines().toList()) {
            if (line.startsWith("| ") && line.contains("`spark.docstream.")) {
                String[] cells = line.substring(1, line.length() - 1).split("\\|");
                String shownDefault = cells[3].strip().equals("(empty)") ? "" : unquote(cells[3]);
                shown.add(String.join(" | ", unquote(cells[1]), unquote(cells[2]), shownDefault));
            } else if (!shown.isEmpty() && !line.startsWith("|")) {
                break;
            }
        }
        List<String> expected = Arrays.stream(JobSettings.Key.values())
                .map(key -> String.join(" | ", key.conf(), key.env(), key.defaultValue()))
                .toList();
        assertEquals(expected, shown, "docs/streaming-job.md's settings table vs JobSettings.Key");
    }

    private static String unquote(String cell) {
        String text = cell.strip();
        return text.startsWith("`") && text.endsWith("`") ? text.substring(1, text.length() - 1) : text;
    }
}
