package io.docstream.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trino needs a JDK 24+: a missing or older one is an error that names the setting to fix, never a skip. */
class TrinoJavaTest {

    @TempDir
    Path dir;

    @AfterEach
    void clearSetting() {
        System.clearProperty(TrinoJava.PROPERTY);
    }

    @Test
    void aFolderWithoutJavaNamesTheSetting() {
        System.setProperty(TrinoJava.PROPERTY, dir.toString());
        IllegalStateException error = assertThrows(IllegalStateException.class, TrinoJava::locate);
        assertTrue(error.getMessage().contains("no bin/java in " + dir), error.getMessage());
        assertTrue(error.getMessage().contains(TrinoJava.ENV), error.getMessage());
    }

    @Test
    void anOlderJdkIsRefusedWithItsVersion() throws IOException {
        System.setProperty(TrinoJava.PROPERTY, fakeJdk("17.0.15").toString());
        IllegalStateException error = assertThrows(IllegalStateException.class, TrinoJava::locate);
        assertTrue(error.getMessage().contains("is Java 17"), error.getMessage());
    }

    @Test
    void aJdk24OrNewerIsItsJava() throws IOException {
        Path jdk = fakeJdk("25.0.3");
        System.setProperty(TrinoJava.PROPERTY, jdk.toString());
        assertEquals(jdk.resolve("bin/java"), TrinoJava.locate());
    }

    /** A folder shaped like a JDK: an executable bin/java and the release file every JDK carries. */
    private Path fakeJdk(String version) throws IOException {
        Path jdk = Files.createDirectories(dir.resolve("jdk-" + version));
        Files.createDirectories(jdk.resolve("bin"));
        Files.writeString(jdk.resolve("bin/java"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(jdk.resolve("bin/java"), PosixFilePermissions.fromString("rwx------"));
        Files.writeString(jdk.resolve("release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"" + version + "\"\n");
        return jdk;
    }
}
