package io.docstream.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert rules (monitoring/prometheus/alerts.yaml) pass {@code promtool check rules} and their unit tests
 * ({@code promtool test rules}), each rule has a case that fires it and one that must not, and the dashboard's and
 * the rules' expressions name only metrics docs/metrics.md lists (for the job) and parse as PromQL.
 */
class AlertRulesTest {

    static final String RULES = "monitoring/prometheus/alerts.yaml";
    static final String RULE_TESTS = "monitoring/prometheus/alerts-test.yaml";
    static final String DASHBOARD = "monitoring/grafana/dashboards/docstream.json";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path scratch;

    @Test
    void theRulesAreValid() throws Exception {
        Promtool.Result check = Promtool.run(Repo.root(), "check", "rules", RULES);
        assertEquals(0, check.exit(), check.output());
        assertTrue(check.output().contains("SUCCESS: " + alertNames().size() + " rules found"), check.output());
    }

    @Test
    void everyRulesUnitTestsPass() throws Exception {
        Promtool.Result test = Promtool.run(Repo.root(), "test", "rules", RULE_TESTS);
        assertEquals(0, test.exit(), test.output());
        assertTrue(test.output().contains("SUCCESS"), test.output());
    }

    @Test
    void everyRuleHasACaseThatFiresItAndOneThatDoesNot() throws IOException {
        Set<String> fired = new TreeSet<>();
        Set<String> quiet = new TreeSet<>();
        for (JsonNode test : YAML.readTree(Repo.path(RULE_TESTS).toFile()).path("tests")) {
            for (JsonNode expectation : test.path("alert_rule_test")) {
                String name = expectation.path("alertname").asText();
                (expectation.path("exp_alerts").isEmpty() ? quiet : fired).add(name);
            }
        }
        assertEquals(alertNames(), fired, "rules with a test case that fires them");
        assertEquals(alertNames(), quiet, "rules with a test case that must not fire them");
    }

    @Test
    void rulesAndDashboardNameOnlyDocumentedJobMetrics() throws IOException {
        Set<String> documented = new TreeSet<>();
        Matcher row = Pattern.compile("^\\| `([a-z_]+)` \\|", Pattern.MULTILINE).matcher(Repo.read("docs/metrics.md"));
        while (row.find()) {
            documented.add(row.group(1));
        }
        List<String> expressions = new ArrayList<>(ruleExpressions());
        expressions.addAll(dashboardExpressions());
        Matcher metric = Pattern.compile("\\b(docstream_job_[a-z_]+)").matcher(String.join("\n", expressions));
        Set<String> used = new TreeSet<>();
        while (metric.find()) {
            used.add(metric.group(1).replaceFirst("_(bucket|sum|count)$", ""));
        }
        assertFalse(used.isEmpty());
        used.removeAll(documented);
        assertEquals(Set.of(), used, "job metrics used in the rules or the dashboard but not in docs/metrics.md");
    }

    @Test
    void everyDashboardQueryParsesAsPromQL() throws Exception {
        // promtool parses rule files only: each query becomes the expression of a recording rule.
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
        List<String> expressions = dashboardExpressions();
        for (int i = 0; i < expressions.size(); i++) {
            rules.append("      - record: dashboard:query_")
                    .append(i)
                    .append("\n        expr: ")
                    .append(JSON.writeValueAsString(expressions.get(i)))
                    .append('\n');
        }
        Path file = scratch.resolve("dashboard-queries.yaml");
        Files.writeString(file, rules);
        Promtool.Result check = Promtool.run(scratch, "check", "rules", file.toString());
        assertEquals(0, check.exit(), check.output());
        assertTrue(check.output().contains("SUCCESS: " + expressions.size() + " rules found"), check.output());
    }

    static Set<String> alertNames() throws IOException {
        Set<String> names = new TreeSet<>();
        for (JsonNode group : YAML.readTree(Repo.path(RULES).toFile()).path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                names.add(rule.path("alert").asText());
            }
        }
        return names;
    }

    static List<String> ruleExpressions() throws IOException {
        List<String> expressions = new ArrayList<>();
        for (JsonNode group : YAML.readTree(Repo.path(RULES).toFile()).path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                expressions.add(rule.path("expr").asText());
            }
        }
        return expressions;
    }

    /** Every query of every panel of the Grafana dashboard, as the dashboard JSON holds them. */
    static List<String> dashboardExpressions() throws IOException {
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : JSON.readTree(Repo.path(DASHBOARD).toFile()).path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                expressions.add(target.path("expr").asText());
            }
        }
        return expressions;
    }
}
