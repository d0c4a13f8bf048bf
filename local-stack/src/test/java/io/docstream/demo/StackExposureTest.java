package io.docstream.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.docstream.servers.S3Server;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's S3 server, started the way `bin/docstream demo` starts it: its bucket is not readable by anonymous
 * clients, and its state folder is its owner's only.
 */
class StackExposureTest {

    @TempDir
    Path dir;

    @Test
    void theDemoBucketRefusesAnonymousListingAndItsFoldersArePrivate() throws Exception {
        Path state = dir.resolve("state");
        try (Stack stack = new Stack(new RunFiles(dir.resolve("run")), new Artifacts(dir), state)) {
            S3Server s3 = stack.startS3(0);
            HttpURLConnection anonymous =
                    (HttpURLConnection) URI.create(s3.endpoint() + "/" + PipelineSettings.BUCKET + "?list-type=2")
                            .toURL()
                            .openConnection();
            assertEquals(403, anonymous.getResponseCode(), "an anonymous client listed the demo bucket");
            for (Path folder :
                    new Path[] {state, state.resolve("s3"), state.resolve("s3/buckets/" + PipelineSettings.BUCKET)}) {
                assertEquals(
                        "rwx------",
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)),
                        folder.toString());
            }
            assertFalse(Files.readString(state.resolve("s3/s3proxy.conf")).isEmpty());
            assertEquals(
                    "rw-------",
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve("s3/s3proxy.conf"))));
        }
    }
}
