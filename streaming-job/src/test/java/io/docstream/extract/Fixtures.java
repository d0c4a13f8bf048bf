package io.docstream.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Small test documents kept in src/test/resources. */
public final class Fixtures {

    private Fixtures() {}

    public static byte[] bytes(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
