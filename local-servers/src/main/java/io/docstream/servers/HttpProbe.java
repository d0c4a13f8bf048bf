package io.docstream.servers;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;

/** The HTTP status a server answers on a URL, for readiness checks: short timeouts, -1 when nothing answers. */
public final class HttpProbe {

    private HttpProbe() {}

    public static int status(String url) {
        try {
            HttpURLConnection connection =
                    (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(3000);
            int status = connection.getResponseCode();
            connection.disconnect();
            return status;
        } catch (IOException e) {
            return -1;
        }
    }
}
