package io.docstream.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** One rendered kustomization: its raw documents and their typed objects. */
final class Rendered {
    final String overlay;
    final List<JsonNode> docs;
    final List<HasMetadata> objects = new ArrayList<>();
    final Problems modelProblems;

    Rendered(String overlay, List<JsonNode> docs) {
        this.overlay = overlay;
        this.docs = docs;
        this.modelProblems = new Problems("Kubernetes API model, " + overlay);
        for (JsonNode d : docs) {
            KubeModel.validate(d, modelProblems).ifPresent(objects::add);
        }
    }

    static Rendered of(String overlayDir) {
        return new Rendered(overlayDir, Kustomize.documents(Kustomize.render(overlayDir)));
    }

    /** A copy whose documents can be changed (tests of the checks themselves). */
    List<JsonNode> docsCopy() {
        return docs.stream().map(d -> (JsonNode) d.deepCopy()).collect(Collectors.toList());
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
    }

    <T extends HasMetadata> Optional<T> get(Class<T> type, String name) {
        return all(type).stream()
                .filter(o -> name.equals(o.getMetadata().getName()))
                .findFirst();
    }
}
