package io.docstream.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * docker-compose.yaml as Compose reads it: YAML anchors and merge keys resolved (SnakeYAML), then
 * ${VAR:-default} interpolated as with an empty environment (the local-dev defaults).
 */
final class Compose {
    static final String FILE = "docker-compose.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*))?}");

    /** With ${...} as written (to check that secrets are only ever defaults). */
    final JsonNode raw;
    /** Interpolated. */
    final JsonNode root;

    Compose(JsonNode raw) {
        this.raw = raw;
        this.root = interpolate(raw.deepCopy());
    }

    static JsonNode parse(String yamlText) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object tree = new Yaml(new SafeConstructor(options)).load(yamlText);
        return JSON.valueToTree(tree);
    }

    static Compose fromRepo() {
        return new Compose(parse(Repo.read(FILE)));
    }

    static String interpolate(String s) {
        String marker = "\u0000DOLLAR\u0000";
        String t = s.replace("$$", marker);
        Matcher m = VAR.matcher(t);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String dflt = m.group(3) == null ? "" : m.group(3);
            m.appendReplacement(sb, Matcher.quoteReplacement(dflt));
        }
        m.appendTail(sb);
        return sb.toString().replace(marker, "$");
    }

    private static JsonNode interpolate(JsonNode node) {
        if (node.isTextual()) {
            return TextNode.valueOf(interpolate(node.asText()));
        }
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            Iterator<Map.Entry<String, JsonNode>> it = o.fields();
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
            it.forEachRemaining(entries::add);
            for (Map.Entry<String, JsonNode> e : entries) {
                o.set(e.getKey(), interpolate(e.getValue()));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(i, interpolate(node.get(i)));
            }
        }
        return node;
    }

    JsonNode services() {
        return root.path("services");
    }

    JsonNode service(String name) {
        return services().path(name);
    }

    boolean has(String name) {
        return services().has(name);
    }

    List<String> serviceNames() {
        List<String> names = new ArrayList<>();
        services().fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** environment: as a map, whether written as a map or as a list of K=V. */
    static Map<String, String> env(JsonNode service) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode e = service.path("environment");
        if (e.isObject()) {
            e.fields()
                    .forEachRemaining(f -> env.put(
                            f.getKey(),
                            f.getValue().isNull() ? "" : f.getValue().asText()));
        } else if (e.isArray()) {
            for (JsonNode item : e) {
                String kv = item.asText();
                int eq = kv.indexOf('=');
                env.put(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? "" : kv.substring(eq + 1));
            }
        }
        return env;
    }

    Map<String, String> env(String service) {
        return env(service(service));
    }

    /** entrypoint + command as list elements (a string form is split on white space). */
    static List<String> commandList(JsonNode service) {
        List<String> out = new ArrayList<>();
        for (String field : new String[] {"entrypoint", "command"}) {
            JsonNode c = service.path(field);
            if (c.isArray()) {
                c.forEach(x -> out.add(x.asText()));
            } else if (c.isTextual()) {
                out.addAll(SparkArgs.words(c.asText()));
            }
        }
        return out;
    }

    /** entrypoint + command as one line, for searching inside "sh -c" scripts. */
    static String commandText(JsonNode service) {
        return String.join(" ", commandList(service));
    }

    /** [host port, container port] pairs of the "ports" list (short syntax or long syntax). */
    static List<int[]> ports(JsonNode service) {
        List<int[]> out = new ArrayList<>();
        for (JsonNode p : service.path("ports")) {
            if (p.isObject()) {
                out.add(new int[] {p.path("published").asInt(), p.path("target").asInt()});
            } else {
                String s = p.asText().replaceAll("/(tcp|udp)$", "");
                String[] parts = s.split(":");
                int container = Integer.parseInt(parts[parts.length - 1]);
                int host = parts.length >= 2 ? Integer.parseInt(parts[parts.length - 2]) : container;
                out.add(new int[] {host, container});
            }
        }
        return out;
    }

    /** Names of services this one waits for with the given condition. */
    static Map<String, String> dependsOn(JsonNode service) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode d = service.path("depends_on");
        if (d.isArray()) {
            d.forEach(x -> out.put(x.asText(), "service_started"));
        } else if (d.isObject()) {
            d.fields()
                    .forEachRemaining(f ->
                            out.put(f.getKey(), f.getValue().path("condition").asText("service_started")));
        }
        return out;
    }

    /** The image a service runs: image:, else its build arg SPARK_IMAGE's base, else "". */
    static String image(JsonNode service) {
        return service.path("image").asText("");
    }
}
