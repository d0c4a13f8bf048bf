package io.docstream.bench;

import java.nio.file.Path;

/** A pipeline whose tables the bench reads: its job's process name, its table root on disk, its progress file. */
record PipelineUnderTest(String name, String process, Path tablesOnDisk, Path progressFile) {

    Path documents() {
        return tablesOnDisk.resolve("documents");
    }

    Path quarantine() {
        return tablesOnDisk.resolve("quarantine");
    }

    long committedRows() {
        return DeltaLogRows.committed(documents()) + DeltaLogRows.committed(quarantine());
    }
}
