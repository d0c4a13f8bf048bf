package io.docstream.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Renders a kustomization with kubectl's built-in kustomize, as `kubectl apply -k` would. */
final class Kustomize {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Kustomize() {}

  static String render(String relativeDir) {
    Path dir = Repo.path(relativeDir);
    if (!Files.isDirectory(dir)) {
      throw new AssertionError("no kustomization at " + dir);
    }
    Process proc;
    try {
      Path err = Files.createTempFile("kustomize", ".err");
      proc = new ProcessBuilder("kubectl", "kustomize", dir.toString())
          .redirectError(err.toFile())
          .start();
      byte[] out = proc.getInputStream().readAllBytes();
      if (!proc.waitFor(120, TimeUnit.SECONDS)) {
        proc.destroyForcibly();
        throw new AssertionError("kubectl kustomize " + relativeDir + " did not finish in 120 s");
      }
      String stderr = Files.readString(err, StandardCharsets.UTF_8);
      Files.deleteIfExists(err);
      if (proc.exitValue() != 0) {
        throw new AssertionError("kubectl kustomize " + relativeDir + " failed (exit " + proc.exitValue() + "):\n" + stderr);
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError("cannot run `kubectl kustomize " + relativeDir + "`: kubectl (with its built-in "
          + "kustomize, v1.14+) must be on the PATH to render k8s/ (Debian: apt-get install kubernetes-client). Cause: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** The documents of a multi-document YAML stream, empty documents dropped. */
  static List<JsonNode> documents(String yaml) {
    List<JsonNode> docs = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
      while (it.hasNextValue()) {
        JsonNode n = it.nextValue();
        if (n != null && !n.isNull() && !n.isMissingNode() && n.size() > 0) {
          docs.add(n);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("rendered YAML does not parse", e);
    }
    return docs;
  }
}
