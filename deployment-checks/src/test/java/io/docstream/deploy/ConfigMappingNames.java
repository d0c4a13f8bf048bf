package io.docstream.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The property names a SmallRye {@code @ConfigMapping} interface declares, read from its source:
 * prefix + group path + method name in kebab case (or its {@code @WithName}). Settings such as an
 * optional endpoint exist only there, not in application.properties.
 */
final class ConfigMappingNames {
  private static final Pattern MAPPING = Pattern.compile("@ConfigMapping\\s*\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"[^)]*\\)[^{]*?interface\\s+(\\w+)");
  private static final Pattern TYPE_DECL = Pattern.compile("\\b(interface|enum|class|record)\\s+(\\w+)[^{;]*\\{");
  private static final Pattern METHOD = Pattern.compile(
      "((?:@\\w+(?:\\s*\\([^)]*\\))?\\s*)*)([\\w.]+(?:\\s*<[^;(){}]*>)?)\\s+(\\w+)\\s*\\(\\s*\\)\\s*;");

  private ConfigMappingNames() {}

  /** All names declared by @ConfigMapping interfaces under a source folder of the repository. */
  static Set<String> fromSources(String relativeDir) {
    Set<String> names = new TreeSet<>();
    Path dir = Repo.path(relativeDir);
    if (!Files.isDirectory(dir)) {
      return names;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String text = Files.readString(f, StandardCharsets.UTF_8);
        if (text.contains("@ConfigMapping")) {
          names.addAll(parse(text));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names;
  }

  static Set<String> parse(String source) {
    String text = stripComments(source);
    // interface name -> its own body (nested type bodies blanked out)
    Map<String, String> bodies = new LinkedHashMap<>();
    Matcher decl = TYPE_DECL.matcher(text);
    while (decl.find()) {
      if (decl.group(1).equals("interface")) {
        int open = decl.end() - 1;
        int close = matching(text, open);
        bodies.put(decl.group(2), blankNested(text.substring(open + 1, close)));
      }
    }
    Set<String> names = new TreeSet<>();
    Matcher m = MAPPING.matcher(text);
    while (m.find()) {
      expand(m.group(1), m.group(2), bodies, names, 0);
    }
    return names;
  }

  private static void expand(String prefix, String iface, Map<String, String> bodies, Set<String> out, int depth) {
    String body = bodies.get(iface);
    if (body == null || depth > 10) {
      return;
    }
    Matcher m = METHOD.matcher(body);
    while (m.find()) {
      String annotations = m.group(1);
      String type = m.group(2).replaceAll("\\s", "");
      String method = m.group(3);
      Matcher withName = Pattern.compile("@WithName\\s*\\(\\s*\"([^\"]+)\"").matcher(annotations);
      String name = withName.find() ? withName.group(1) : kebab(method);
      String full = prefix + "." + name;
      String inner = type.replaceAll("^(java\\.util\\.)?Optional<(.*)>$", "$2");
      if (bodies.containsKey(inner)) {
        expand(full, inner, bodies, out, depth + 1);
      } else {
        out.add(full);
      }
    }
  }

  static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  private static int matching(String text, int open) {
    int depth = 0;
    for (int i = open; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    return text.length() - 1;
  }

  /** The body with every nested type declaration (and its body) replaced by spaces. */
  private static String blankNested(String body) {
    StringBuilder sb = new StringBuilder(body);
    Matcher decl = TYPE_DECL.matcher(body);
    int from = 0;
    while (decl.find(from)) {
      int open = decl.end() - 1;
      int close = matching(body, open);
      for (int i = decl.start(); i <= close; i++) {
        sb.setCharAt(i, ' ');
      }
      from = close + 1;
      if (from >= body.length()) {
        break;
      }
    }
    return sb.toString();
  }

  /** Comments removed, string and char literals kept. */
  static String stripComments(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < s.length() && s.charAt(j) != c) {
          j += s.charAt(j) == '\\' ? 2 : 1;
        }
        out.append(s, i, Math.min(j + 1, s.length()));
        i = j + 1;
      } else if (s.startsWith("//", i)) {
        while (i < s.length() && s.charAt(i) != '\n') {
          i++;
        }
      } else if (s.startsWith("/*", i)) {
        int end = s.indexOf("*/", i + 2);
        i = end < 0 ? s.length() : end + 2;
        out.append(' ');
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  static List<String> sorted(Set<String> names) {
    return List.copyOf(new TreeSet<>(names));
  }
}
