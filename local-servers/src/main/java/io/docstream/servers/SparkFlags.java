package io.docstream.servers;

import java.util.ArrayList;
import java.util.List;

/** The JVM flags Spark's own launcher passes on Java 17+; every Spark JVM we start gets them. */
public final class SparkFlags {

    private static final List<String> OPEN_PACKAGES = List.of(
            "java.base/java.lang",
            "java.base/java.lang.invoke",
            "java.base/java.lang.reflect",
            "java.base/java.io",
            "java.base/java.net",
            "java.base/java.nio",
            "java.base/java.util",
            "java.base/java.util.concurrent",
            "java.base/java.util.concurrent.atomic",
            "java.base/jdk.internal.ref",
            "java.base/sun.nio.ch",
            "java.base/sun.nio.cs",
            "java.base/sun.security.action",
            "java.base/sun.util.calendar",
            "java.security.jgss/sun.security.krb5");

    private SparkFlags() {}

    public static List<String> jvmFlags() {
        List<String> flags =
                new ArrayList<>(List.of("-XX:+IgnoreUnrecognizedVMOptions", "--add-modules=jdk.incubator.vector"));
        OPEN_PACKAGES.forEach(pkg -> flags.add("--add-opens=" + pkg + "=ALL-UNNAMED"));
        flags.add("-Dio.netty.tryReflectionSetAccessible=true");
        return flags;
    }
}
