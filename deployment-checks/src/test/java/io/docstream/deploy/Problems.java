package io.docstream.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Collects every disagreement found, so one test run reports all of them at once. */
final class Problems {
    private final List<String> list = new ArrayList<>();
    private final String where;

    Problems(String where) {
        this.where = where;
    }

    void add(String problem) {
        list.add(problem);
    }

    /** Records a problem unless {@code ok}. */
    void check(boolean ok, String problem) {
        if (!ok) {
            list.add(problem);
        }
    }

    void same(Object expected, Object actual, String what) {
        if (!Objects.equals(expected, actual)) {
            list.add(what + ": expected <" + expected + "> but was <" + actual + ">");
        }
    }

    List<String> list() {
        return List.copyOf(list);
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    boolean mentions(String fragment) {
        return list.stream().anyMatch(p -> p.contains(fragment));
    }

    @Override
    public String toString() {
        StringBuilder sb =
                new StringBuilder(where).append(": ").append(list.size()).append(" problem(s)");
        for (String p : list) {
            sb.append("\n  - ").append(p);
        }
        return sb.toString();
    }
}
