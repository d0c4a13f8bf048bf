package io.docstream.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** What `bin/docstream demo` was asked to do; every port and folder can be chosen, 0 means a free one. */
public record DemoOptions(
        Path home,
        Path stateDir,
        Path inputDir,
        Store store,
        boolean cluster,
        boolean exitWhenDone,
        int kafkaPort,
        int s3Port,
        int httpPort,
        Duration timeout) {

    public enum Store {
        S3,
        LOCAL
    }

    static final String USAGE = String.join(
            "\n",
            "usage: bin/docstream demo [options]",
            "  --store s3|local      where uploads and tables live: s3proxy (default) or a plain folder",
            "  --cluster             run the job on a local Spark standalone cluster (1 master, 4 workers)",
            "  --exit                stop everything and exit once every sample is in the table (0) or not (1)",
            "  --kafka-port N        Kafka broker port (default: a free port)",
            "  --s3-port N           S3 server port (default: a free port)",
            "  --http-port N         ingest service port (default 8080, or a free port if 8080 is taken)",
            "  --dir DIR             state folder (default .docstream/demo); wiped at start",
            "  --input DIR           documents to upload (default input/)",
            "  --timeout SECONDS     how long to wait for the table (default 600)");

    static DemoOptions parse(Path home, List<String> args) {
        Deque<String> rest = new ArrayDeque<>(args);
        Path stateDir = home.resolve(".docstream/demo");
        Path inputDir = home.resolve("input");
        Store store = Store.S3;
        boolean cluster = false;
        boolean exit = false;
        int kafkaPort = 0;
        int s3Port = 0;
        int httpPort = -1;
        Duration timeout = Duration.ofSeconds(600);
        while (!rest.isEmpty()) {
            String option = rest.pop();
            switch (option) {
                case "--store" -> store = parseStore(value(option, rest));
                case "--cluster" -> cluster = true;
                case "--exit" -> exit = true;
                case "--kafka-port" -> kafkaPort = port(option, value(option, rest));
                case "--s3-port" -> s3Port = port(option, value(option, rest));
                case "--http-port" -> httpPort = port(option, value(option, rest));
                case "--dir" -> stateDir = home.resolve(value(option, rest));
                case "--input" -> inputDir = home.resolve(value(option, rest));
                case "--timeout" -> timeout = Duration.ofSeconds(positive(option, value(option, rest)));
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        return new DemoOptions(
                home,
                stateDir.normalize(),
                inputDir.normalize(),
                store,
                cluster,
                exit,
                kafkaPort,
                s3Port,
                httpPort,
                timeout);
    }

    private static String value(String option, Deque<String> rest) {
        if (rest.isEmpty()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return rest.pop();
    }

    private static Store parseStore(String value) {
        return switch (value) {
            case "s3" -> Store.S3;
            case "local" -> Store.LOCAL;
            default -> throw new IllegalArgumentException("--store must be s3 or local, not " + value);
        };
    }

    private static int port(String option, String value) {
        int port = positive(option, value);
        if (port > 65535) {
            throw new IllegalArgumentException(option + " must be a port number, not " + value);
        }
        return port;
    }

    private static int positive(String option, String value) {
        try {
            int number = Integer.parseInt(value);
            if (number <= 0) {
                throw new IllegalArgumentException(option + " must be positive, not " + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number, not " + value, e);
        }
    }
}
