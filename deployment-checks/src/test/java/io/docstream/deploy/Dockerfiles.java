package io.docstream.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the two Dockerfiles say: base image, copied artifacts, user, port. */
final class Dockerfiles {
    static final String INGEST = "ingest-service/Dockerfile";
    static final String JOB = "streaming-job/Dockerfile";

    private Dockerfiles() {}

    /** Instructions with line continuations joined, comments dropped. */
    static List<String> instructions(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : text.split("\\R")) {
            String t = line.strip();
            if (t.startsWith("#") || (t.isEmpty() && cur.length() == 0)) {
                continue;
            }
            if (t.endsWith("\\")) {
                cur.append(t, 0, t.length() - 1).append(' ');
                continue;
            }
            cur.append(t);
            if (cur.length() > 0) {
                out.add(cur.toString().strip());
            }
            cur.setLength(0);
        }
        return out;
    }

    static List<String> find(String file, String instruction) {
        List<String> out = new ArrayList<>();
        for (String i : instructions(Repo.read(file))) {
            if (i.regionMatches(true, 0, instruction + " ", 0, instruction.length() + 1)) {
                out.add(i.substring(instruction.length()).strip());
            }
        }
        return out;
    }

    static int ingestExposedPort() {
        List<String> expose = find(INGEST, "EXPOSE");
        return expose.isEmpty() ? -1 : Integer.parseInt(expose.get(0).split("[\\s/]")[0]);
    }

    /** The destination of the COPY of the shaded jar in streaming-job/Dockerfile. */
    static String jobJarPath() {
        for (String copy : find(JOB, "COPY")) {
            String[] w = copy.split("\\s+");
            if (w.length >= 2 && w[w.length - 2].endsWith(".jar")) {
                return w[w.length - 1];
            }
        }
        return null;
    }

    /** The source glob of the COPY of the shaded jar in streaming-job/Dockerfile. */
    static Optional<String> jobJarSource() {
        for (String copy : find(JOB, "COPY")) {
            String[] w = copy.split("\\s+");
            if (w.length >= 2 && w[w.length - 2].endsWith(".jar")) {
                return Optional.of(w[w.length - 2]);
            }
        }
        return Optional.empty();
    }

    /** ARG default of the given name ("ARG SPARK_IMAGE=apache/spark:4.2.0"). */
    static Optional<String> argDefault(String file, String name) {
        for (String arg : find(file, "ARG")) {
            Matcher m = Pattern.compile(Pattern.quote(name) + "=(\\S+)").matcher(arg);
            if (m.find()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }
}
