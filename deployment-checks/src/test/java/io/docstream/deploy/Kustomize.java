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

    private static volatile boolean versionChecked;

    /** The kustomizations use `labels`, `replicas` and `patches` with targets: kustomize v4+ (kubectl 1.21+). */
    static void requireRecentKustomize() {
        if (versionChecked) {
            return;
        }
        String out = run(List.of("kubectl", "version", "--client"), "kubectl version --client");
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("Kustomize Version: v?(\\d+)").matcher(out);
        if (m.find() && Integer.parseInt(m.group(1)) < 4) {
            throw new AssertionError("kubectl's built-in kustomize is too old ("
                    + out.strip().replace('\n', ' ') + "): k8s/ needs kustomize v4+ (kubectl 1.21 or newer)");
        }
        versionChecked = true;
    }

    static String render(String relativeDir) {
        requireRecentKustomize();
        Path dir = Repo.path(relativeDir);
        if (!Files.isDirectory(dir)) {
            throw new AssertionError("no kustomization at " + dir);
        }
        return run(List.of("kubectl", "kustomize", dir.toString()), "kubectl kustomize " + relativeDir);
    }

    private static String run(List<String> command, String what) {
        Process proc;
        try {
            Path err = Files.createTempFile("kustomize", ".err");
            proc = new ProcessBuilder(command).redirectError(err.toFile()).start();
            byte[] out = proc.getInputStream().readAllBytes();
            if (!proc.waitFor(120, TimeUnit.SECONDS)) {
                proc.destroyForcibly();
                throw new AssertionError(what + " did not finish in 120 s");
            }
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            Files.deleteIfExists(err);
            if (proc.exitValue() != 0) {
                throw new AssertionError(what + " failed (exit " + proc.exitValue() + "):\n" + stderr);
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(
                    "cannot run `" + what + "`: kubectl 1.21 or newer (its built-in "
                            + "kustomize v4+ renders k8s/) must be on the PATH. Cause: " + e.getMessage(),
                    e);
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
