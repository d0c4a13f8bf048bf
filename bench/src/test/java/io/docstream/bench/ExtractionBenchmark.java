package io.docstream.bench;

import io.docstream.contract.DocType;
import io.docstream.extract.DocumentExtractor;
import io.docstream.extract.Extraction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Extraction throughput on one thread over the whole corpus (443 bulletins and the JSON record files), read
 * into memory first so only extraction is measured. The score (ops/s) is documents per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 3)
public class ExtractionBenchmark {

    private final DocumentExtractor extractor = new DocumentExtractor();
    private final List<Document> documents = new ArrayList<>();
    private int next;

    record Document(DocType type, String fileName, byte[] bytes) {}

    @Setup
    public void loadCorpus() throws IOException {
        Path corpus = Path.of(System.getProperty("docstream.corpus.dir", "../shared/corpus"));
        load(corpus.resolve("bulletins"), DocType.BULLETIN);
        load(corpus.resolve("json"), DocType.JSON_RECORD);
        if (documents.isEmpty()) {
            throw new IllegalStateException("no corpus documents under " + corpus);
        }
    }

    /** One operation is one document, taken from the corpus in turn, so the score is documents per second. */
    @Benchmark
    public Extraction extractDocument() {
        Document document = documents.get(next);
        next = next + 1 == documents.size() ? 0 : next + 1;
        return extractor.extract(document.type(), document.fileName(), document.bytes());
    }

    private void load(Path folder, DocType type) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                documents.add(new Document(type, file.getFileName().toString(), Files.readAllBytes(file)));
            }
        }
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        Options options = new OptionsBuilder()
                .parent(new CommandLineOptions(args))
                .include(ExtractionBenchmark.class.getSimpleName())
                .build();
        new Runner(options).run();
    }
}
