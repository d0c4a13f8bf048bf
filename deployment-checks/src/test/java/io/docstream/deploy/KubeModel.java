package io.docstream.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Checks manifests against the Kubernetes API model (fabric8's generated model classes).
 *
 * <p>The mapper fails on unknown properties, but fabric8's model classes keep unknown fields in an
 * {@code additionalProperties} map (a {@code @JsonAnySetter}) instead of rejecting them, so after
 * deserializing, every model object of the tree is visited and any non-empty additionalProperties is
 * reported as an unknown field. Wrong types (a string for replicas, a map for a list) fail in Jackson.
 */
final class KubeModel {
    static final ObjectMapper STRICT = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
            .configure(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, true)
            .configure(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY, true);

    /** apiVersion/kind -> model class: the kinds this project's kustomizations may contain. */
    static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "v1/Namespace", Namespace.class,
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "v1/ServiceAccount", ServiceAccount.class,
            "apps/v1/Deployment", Deployment.class,
            "batch/v1/Job", Job.class,
            "rbac.authorization.k8s.io/v1/Role", Role.class,
            "rbac.authorization.k8s.io/v1/RoleBinding", RoleBinding.class);

    private KubeModel() {}

    static String id(JsonNode doc) {
        return doc.path("apiVersion").asText("?") + "/" + doc.path("kind").asText("?") + " "
                + doc.path("metadata").path("name").asText("?");
    }

    /** The typed object, or empty with the problems recorded. */
    static Optional<HasMetadata> validate(JsonNode doc, Problems problems) {
        String key = doc.path("apiVersion").asText() + "/" + doc.path("kind").asText();
        Class<? extends HasMetadata> type = KINDS.get(key);
        if (type == null) {
            problems.add(id(doc) + ": no model for " + key + " (known: " + KINDS.keySet() + ")");
            return Optional.empty();
        }
        HasMetadata obj;
        try {
            obj = STRICT.treeToValue(doc, type);
        } catch (Exception e) {
            problems.add(id(doc) + ": does not fit the " + type.getSimpleName() + " model: "
                    + e.getMessage().split("\n")[0]);
            return Optional.empty();
        }
        unknownFields(obj, id(doc), problems, new IdentityHashMap<>(), 0);
        if (obj.getMetadata() == null
                || obj.getMetadata().getName() == null
                || obj.getMetadata().getName().isBlank()) {
            problems.add(id(doc) + ": metadata.name is missing");
        }
        return Optional.of(obj);
    }

    private static void unknownFields(Object o, String path, Problems problems, Map<Object, Boolean> seen, int depth) {
        if (o == null || depth > 60 || seen.put(o, Boolean.TRUE) != null) {
            return;
        }
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> unknownFields(v, path + "." + k, problems, seen, depth + 1));
            return;
        }
        if (o instanceof Collection<?> c) {
            int i = 0;
            for (Object x : c) {
                unknownFields(x, path + "[" + i++ + "]", problems, seen, depth + 1);
            }
            return;
        }
        Class<?> type = o.getClass();
        if (!type.getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method m : type.getMethods()) {
            if (m.getParameterCount() != 0
                    || Modifier.isStatic(m.getModifiers())
                    || m.getDeclaringClass() == Object.class) {
                continue;
            }
            String name = m.getName();
            if (!name.startsWith("get") || name.equals("getClass")) {
                continue;
            }
            Object value;
            try {
                value = m.invoke(o);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (name.equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(path + ": unknown field(s) " + extra.keySet() + " for " + type.getSimpleName());
                }
                continue;
            }
            String field = Character.toLowerCase(name.charAt(3)) + name.substring(4);
            unknownFields(value, path + "." + field, problems, seen, depth + 1);
        }
    }

    /** Kinds that live in a namespace (all the project's kinds but Namespace). */
    static boolean namespaced(HasMetadata o) {
        return !(o instanceof Namespace);
    }
}
