package io.docstream.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A real S3-compatible server (s3proxy, filesystem backend: objects are plain files under the data
 * folder) as a child process on 127.0.0.1. It checks request signatures, so clients must sign with
 * {@link #accessKey()} / {@link #secretKey()}; both are made up per server unless given. Its folders and files
 * are 0700/0600: s3proxy's filesystem backend would serve others-readable ones to anonymous clients.
 */
public final class S3Server implements AutoCloseable {

    public static final String REGION = "us-east-1";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path dataDir;
    private final int port;
    private final String accessKey;
    private final String secretKey;
    private final ChildJvm jvm;

    private S3Server(Path dataDir, int port, String accessKey, String secretKey, ChildJvm jvm) {
        this.dataDir = dataDir;
        this.port = port;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.jvm = jvm;
    }

    /** Starts on a free port with fresh credentials; buckets are folders under {@code dataDir/buckets}. */
    public static S3Server start(Path dataDir) {
        return start(dataDir, FreePort.pick(), "local-" + randomHex(8), randomHex(20));
    }

    public static S3Server start(Path dataDir, int port, String accessKey, String secretKey) {
        if (FreePort.isInUse(port)) {
            throw new IllegalStateException("port " + port + " on 127.0.0.1 is already in use: choose another S3 port");
        }
        Path dir = dataDir.toAbsolutePath();
        Path conf = dir.resolve("s3proxy.conf");
        try {
            PrivateFiles.directories(dir);
            PrivateFiles.directories(dir.resolve("buckets"));
            // The credential is in it: 0600, and the server reads it from there, never from its command line.
            PrivateFiles.write(
                    conf,
                    String.join(
                            "\n",
                            "s3proxy.endpoint=http://127.0.0.1:" + port,
                            "s3proxy.authorization=aws-v2-or-v4",
                            "s3proxy.identity=" + accessKey,
                            "s3proxy.credential=" + secretKey,
                            // Trino's S3 client asks for x-amz-optional-object-attributes on every listing, which
                            // s3proxy 4.1 refuses with 501 NotImplemented unless told to ignore headers it does
                            // not know (real S3 and MinIO answer it).
                            "s3proxy.ignore-unknown-headers=true",
                            "jclouds.provider=filesystem",
                            "jclouds.filesystem.basedir=" + dir.resolve("buckets"),
                            ""));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir, e);
        }
        Path jar = ServersHome.locate().resolve("s3proxy/s3proxy.jar").toAbsolutePath();
        List<String> jvmArgs = new ArrayList<>(List.of("-Xmx256m"));
        jvmArgs.addAll(CompilerMode.flags());
        ChildJvm jvm = ChildJvm.start(
                "s3proxy",
                jvmArgs,
                List.of(jar.toString()),
                "org.gaul.s3proxy.Main",
                List.of("--properties", conf.toString()),
                dir,
                dir.resolve("s3proxy.log"));
        S3Server server = new S3Server(dir, port, accessKey, secretKey, jvm);
        jvm.awaitReady(server::answersHttp, START_TIMEOUT);
        return server;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    public String region() {
        return REGION;
    }

    public Path dataDir() {
        return dataDir;
    }

    public long pid() {
        return jvm.pid();
    }

    public void stop() {
        jvm.stop(Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        stop();
    }

    /** Any HTTP answer (an anonymous request gets 403) means the server is serving. */
    private boolean answersHttp() {
        return HttpProbe.status(endpoint() + "/") > 0;
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
