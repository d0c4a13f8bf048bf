package io.docstream.table;

/**
 * Named moments of the commit path where the crash test stops the job as {@code kill -9} would (no shutdown hook, no
 * flush), moments too short to hit from outside: between a data file's write and its commit, between the two tables'
 * commits. Armed by the system property {@value #PROPERTY}, which only the crash test sets.
 */
public final class CrashPoint {

    public static final String PROPERTY = "docstream.test.crashAt";

    /** A batch's data files of a table are written; its commit is not. */
    public static final String FILES_WRITTEN = "files-written";
    /** The documents table is committed; the quarantine table is not. */
    public static final String BETWEEN_TABLES = "between-tables";

    private static final String ARMED = System.getProperty(PROPERTY, "");
    private static final int KILLED = 137;

    private CrashPoint() {}

    static void reach(String point) {
        if (ARMED.equals(point)) {
            Runtime.getRuntime().halt(KILLED);
        }
    }
}
