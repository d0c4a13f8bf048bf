package io.docstream.deploy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/** A spark-submit command line: its options, its --conf pairs and the application jar. */
final class SparkArgs {
    final Map<String, String> options = new LinkedHashMap<>();
    final Map<String, String> conf = new LinkedHashMap<>();
    String appResource;
    final List<String> appArgs = new ArrayList<>();

    /** Parses the arguments that follow "spark-submit". */
    static SparkArgs parse(List<String> args) {
        SparkArgs s = new SparkArgs();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (s.appResource != null) {
                s.appArgs.add(a);
            } else if (a.equals("--conf") || a.equals("-c")) {
                String kv = args.get(++i);
                int eq = kv.indexOf('=');
                s.conf.put(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? "" : kv.substring(eq + 1));
            } else if (a.startsWith("--conf=")) {
                String kv = a.substring("--conf=".length());
                int eq = kv.indexOf('=');
                s.conf.put(kv.substring(0, eq), kv.substring(eq + 1));
            } else if (a.startsWith("--") && (a.equals("--verbose") || a.equals("--supervise"))) {
                s.options.put(a, "");
            } else if (a.startsWith("--")) {
                s.options.put(a, i + 1 < args.size() ? args.get(++i) : "");
            } else {
                s.appResource = a;
            }
        }
        return s;
    }

    /** The tokens after the first element that ends with "spark-submit", if any. */
    static Optional<SparkArgs> fromCommand(List<String> command) {
        for (int i = 0; i < command.size(); i++) {
            if (command.get(i).endsWith("spark-submit")) {
                return Optional.of(parse(command.subList(i + 1, command.size())));
            }
        }
        return Optional.empty();
    }

    /** A spark-defaults.conf text (java.util.Properties syntax, as Spark reads it). */
    static Map<String, String> parseProperties(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (String k : p.stringPropertyNames()) {
            m.put(k, p.getProperty(k).trim());
        }
        return m;
    }

    /** Splits a shell command line on white space (no quoting: the project's commands use none). */
    static List<String> words(String commandLine) {
        List<String> out = new ArrayList<>();
        for (String w : commandLine.trim().split("\\s+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }
}
