package io.docstream.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/deploy.md tells what the deployment needs, and its Athena DDL matches the output spec. */
class DocsTest {
  static final String DOC = "docs/deploy.md";

  @Test
  void everyReferencedSecretIsDocumentedWithItsKeys() {
    String doc = Repo.read(DOC);
    KubeChecks.SECRETS.forEach((name, keys) -> {
      Matcher m = Pattern.compile("kubectl -n docstream create secret generic " + Pattern.quote(name) + "((?:\\s*\\\\?\\s*--from-literal=\\w+=\\S+)+)").matcher(doc);
      assertTrue(m.find(), DOC + " does not show `kubectl -n docstream create secret generic " + name + " --from-literal=...`");
      for (String key : keys) {
        assertTrue(m.group(1).contains("--from-literal=" + key + "="), DOC + ": the command for " + name + " does not set " + key);
      }
    });
  }

  @Test
  void dockerComposeAndKubectlUsageAreDocumented() {
    String doc = Repo.read(DOC);
    for (String s : List.of("mvn -B -DskipTests package", "docker compose up --build", "kubectl apply -k k8s/overlays/local",
        "kubectl apply -k k8s/overlays/aws", "curl ", "X-Api-Key", "/documents", "eks.amazonaws.com/role-arn".substring(0, 3))) {
      assertTrue(doc.contains(s), DOC + " does not mention " + s);
    }
  }

  /** column -> type of the tables in shared/spec/fields.md, in order. */
  static Map<String, String> specColumns(String spec) {
    Map<String, String> cols = new LinkedHashMap<>();
    Matcher m = Pattern.compile("(?m)^\\|\\s*([a-z0-9_]+(?:\\s*,\\s*[a-z0-9_]+)*)\\s*\\|\\s*(string|double|date|timestamp|array<string>|bigint|int)\\s*\\|").matcher(spec);
    while (m.find()) {
      for (String name : m.group(1).split("\\s*,\\s*")) {
        cols.put(name.trim(), m.group(2));
      }
    }
    return cols;
  }

  /** column -> type of the CREATE EXTERNAL TABLE docstream.documents in docs/deploy.md, in order. */
  static Map<String, String> ddlColumns(String doc) {
    Matcher ddl = Pattern.compile("(?s)CREATE EXTERNAL TABLE docstream\\.documents \\((.*?)\\n\\)").matcher(doc);
    assertTrue(ddl.find(), DOC + " has no CREATE EXTERNAL TABLE docstream.documents (...)");
    Map<String, String> cols = new LinkedHashMap<>();
    for (String line : ddl.group(1).split("\\R")) {
      Matcher c = Pattern.compile("^\\s*([a-z0-9_]+)\\s+([a-z<>]+),?\\s*$").matcher(line);
      if (c.find()) {
        cols.put(c.group(1), c.group(2));
      }
    }
    return cols;
  }

  @Test
  void athenaDdlHasTheSpecsColumnsAndTypesThenTheKafkaCoordinates() {
    Path spec = Repo.root().resolve("../shared/spec/fields.md").normalize();
    assumeTrue(Files.isRegularFile(spec), spec + " is not beside the repository");
    Map<String, String> expected = specColumns(Repo.readIfExists("../shared/spec/fields.md").orElseThrow());
    assertTrue(expected.size() >= 28, "could not read the spec's columns: " + expected);
    Map<String, String> ddl = ddlColumns(Repo.read(DOC));
    List<String> ddlNames = new ArrayList<>(ddl.keySet());
    assertEquals(new ArrayList<>(expected.keySet()), ddlNames.subList(0, Math.min(expected.size(), ddlNames.size())),
        "the DDL's first columns are not the spec's, in order");
    expected.forEach((col, type) -> assertEquals(type, ddl.get(col), "type of " + col));
    assertTrue(List.of("int", "bigint").contains(ddl.get("kafka_partition")), "kafka_partition: " + ddl.get("kafka_partition"));
    assertEquals("bigint", ddl.get("kafka_offset"), "kafka_offset");
  }

  @Test
  void athenaLocationIsTheJobsOutput() {
    String output = new ComposeChecks(Compose.fromRepo()).jobArgs().orElseThrow().conf.get("spark.docstream.output");
    String s3 = output.replaceFirst("^s3a://", "s3://");
    String doc = Repo.read(DOC);
    assertTrue(doc.contains("LOCATION '" + s3 + "'"), DOC + ": the Athena LOCATION is not the job's output " + s3);
    assertTrue(doc.contains("_spark_metadata"), DOC + " does not warn about _spark_metadata");
  }
}
