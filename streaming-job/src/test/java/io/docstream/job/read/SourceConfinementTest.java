package io.docstream.job.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SourceConfinementTest {

    private final SourceConfinement s3 = new SourceConfinement("s3a://docstream/incoming/");
    private final SourceConfinement folder = new SourceConfinement("file:/data/store/input");

    @Test
    void documentsUnderTheInputAreOpenedAtTheirNormalisedPath() {
        assertEquals(
                "s3a://docstream/incoming/ab/ADMINISTRATIVE ANALYST 1590 060118.txt",
                allowed(s3, "s3a://docstream/incoming/ab/ADMINISTRATIVE ANALYST 1590 060118.txt"));
        assertEquals("s3a://docstream/incoming/ab/x.txt", allowed(s3, "s3a://docstream/incoming/./cd/../ab/x.txt"));
        assertEquals("file:/data/store/input/ab/x.txt", allowed(folder, "file:/data/store/input/ab/x.txt"));
        assertEquals("file:/data/store/input/ab/x.txt", allowed(folder, "file:///data/store/input/ab/x.txt"));
        assertEquals(
                "s3a://docstream/incoming/ab/50%25 raise.txt".replace("%25", "%"),
                allowed(s3, "s3a://docstream/incoming/ab/50% raise.txt"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "s3a://elsewhere/incoming/a.txt",
                "s3a://docstream/secrets/a.txt",
                "s3a://docstream/incoming-not/a.txt",
                "s3a://docstream/incoming/../secrets/a.txt",
                "s3a://docstream/incoming/%2e%2e/secrets/a.txt",
                "s3a://docstream/incoming/%2E%2E%2Fsecrets/a.txt",
                "s3a://docstream/incoming/",
                "s3://docstream/incoming/a.txt",
                "file:/etc/passwd",
                "http://127.0.0.1/incoming/a.txt",
                "incoming/a.txt",
                "s3a://docstream/incoming/a\u0000.txt",
                ""
            })
    void everythingElseIsForbidden(String uri) {
        assertInstanceOf(SourceConfinement.Forbidden.class, s3.check(uri), uri);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "file:/etc/passwd",
                "file:/data/store/input/../../../etc/passwd",
                "file:/data/store/input-other/a.txt",
                "file:/data/store/input/%2e%2e/input-other/a.txt",
                "file://otherhost/data/store/input/a.txt",
                "s3a://docstream/data/store/input/a.txt"
            })
    void aFolderStoreConfinesToItsFolder(String uri) {
        assertInstanceOf(SourceConfinement.Forbidden.class, folder.check(uri), uri);
    }

    private static String allowed(SourceConfinement confinement, String uri) {
        return assertInstanceOf(SourceConfinement.Allowed.class, confinement.check(uri), uri)
                .path()
                .toString();
    }
}
