package io.docstream.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The shared corpus of real documents (system property corpus.dir, set by the build). */
public final class Corpus {

    public static final String BULLETIN = "bulletins/ADMINISTRATIVE ANALYST 1590 060118.txt";
    public static final String ANOTHER_BULLETIN = "bulletins/AQUARIST 2400 050214.txt";
    public static final String OTHER_BULLETIN = "bulletins/AIRPORT AIDE 1540 081018.txt";
    public static final String JSON_OBJECT = "json/zoo curator.json";
    public static final String JSON_ARRAY = "json/worker_compensation_claims_array.json";
    public static final String PDF = "pdf/Carpenter.pdf";
    public static final String PDF_BULLETIN = "pdf/PORT POLICE SERGEANT 3222.pdf";

    private Corpus() {}

    public static Path path(String relative) {
        String dir = System.getProperty("corpus.dir", "../../shared/corpus");
        Path path = Path.of(dir).resolve(relative);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("corpus file missing: " + path.toAbsolutePath());
        }
        return path;
    }

    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String fileName(String relative) {
        return path(relative).getFileName().toString();
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
