package io.docstream.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.AlreadyExistsException;
import software.amazon.awssdk.services.glue.model.ConcurrentModificationException;
import software.amazon.awssdk.services.glue.model.CreateTableRequest;
import software.amazon.awssdk.services.glue.model.CreateTableResponse;
import software.amazon.awssdk.services.glue.model.GetTableRequest;
import software.amazon.awssdk.services.glue.model.GetTableResponse;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.glue.model.UpdateTableRequest;
import software.amazon.awssdk.services.glue.model.UpdateTableResponse;

/**
 * The optimistic lock on UpdateTable, which moto does not enforce: the update carries the VersionId it read,
 * and a concurrent change (ConcurrentModificationException) makes it re-read and retry, never overwrite blind.
 * A fake client stands in for Glue here because no local server produces that fault.
 */
class GlueCatalogUpdateTest {

    private static final StructType SCHEMA = new StructType().add("doc_id", DataTypes.StringType);

    /** A table that exists at version {@code version}, and another writer that changes it {@code races} times. */
    private static final class RacingGlue implements GlueClient {
        int version = 7;
        int races;
        final List<UpdateTableRequest> updates = new ArrayList<>();

        @Override
        public CreateTableResponse createTable(CreateTableRequest request) {
            throw AlreadyExistsException.builder().message("exists").build();
        }

        @Override
        public GetTableResponse getTable(GetTableRequest request) {
            return GetTableResponse.builder()
                    .table(Table.builder()
                            .name(request.name())
                            .versionId(String.valueOf(version))
                            .build())
                    .build();
        }

        @Override
        public UpdateTableResponse updateTable(UpdateTableRequest request) {
            updates.add(request);
            if (races > 0) {
                races--;
                version++; // the other writer's update
                throw ConcurrentModificationException.builder()
                        .message("version changed")
                        .build();
            }
            return UpdateTableResponse.builder().build();
        }

        @Override
        public String serviceName() {
            return "glue";
        }

        @Override
        public void close() {}
    }

    @Test
    void anUpdateCarriesTheVersionItReadAndRetriesAfterARace() {
        RacingGlue glue = new RacingGlue();
        glue.races = 2;
        assertEquals(
                GlueCatalog.Result.UPDATED,
                new GlueCatalog(glue).register("db", "documents", "s3a://b/t/documents", SCHEMA));
        assertEquals(
                List.of("7", "8", "9"),
                glue.updates.stream().map(UpdateTableRequest::versionId).toList());
        assertEquals(
                "s3://b/t/documents/",
                glue.updates.get(2).tableInput().storageDescriptor().location());
        // The whole entry is replaced: one written without a SerDe (an earlier version) gets it.
        assertEquals(
                "s3://b/t/documents/",
                glue.updates
                        .get(2)
                        .tableInput()
                        .storageDescriptor()
                        .serdeInfo()
                        .parameters()
                        .get("path"));
        assertEquals("delta", glue.updates.get(2).tableInput().parameters().get("spark.sql.sources.provider"));
    }

    @Test
    void aTableThatKeepsChangingIsAnErrorNotABlindOverwrite() {
        RacingGlue glue = new RacingGlue();
        glue.races = GlueCatalog.UPDATE_ATTEMPTS;
        IllegalStateException error = assertThrows(
                IllegalStateException.class,
                () -> new GlueCatalog(glue).register("db", "documents", "s3a://b/t/documents", SCHEMA));
        assertEquals(GlueCatalog.UPDATE_ATTEMPTS, glue.updates.size());
        assertEquals(true, error.getMessage().contains("kept changing"), error.getMessage());
    }

    @Test
    void locationsBecomeS3FoldersWhateverTheirTrailingSlashes() {
        assertEquals("s3://b/t/documents/", GlueCatalog.s3Location("s3a://b/t/documents"));
        assertEquals("s3://b/t/documents/", GlueCatalog.s3Location("s3a://b/t/documents/"));
        assertEquals("s3://b/t/documents/", GlueCatalog.s3Location("s3://b/t/documents//"));
    }
}
