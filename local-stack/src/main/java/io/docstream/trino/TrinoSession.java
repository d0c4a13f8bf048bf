package io.docstream.trino;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** SQL on a Trino server through its JDBC driver: statements, queries with their rows, Delta tables registered. */
public final class TrinoSession implements AutoCloseable {

    private final Connection connection;

    private TrinoSession(Connection connection) {
        this.connection = connection;
    }

    public static TrinoSession connect(String jdbcUrl) {
        try {
            return new TrinoSession(DriverManager.getConnection(jdbcUrl, "docstream", null));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to Trino at " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    /** A result: column names, and rows of Java values (arrays as lists). */
    public record Result(List<String> columns, List<List<Object>> rows) {

        public List<Object> column(String name) {
            int index = columns.indexOf(name);
            if (index < 0) {
                throw new IllegalArgumentException("no column " + name + " in " + columns);
            }
            return rows.stream().map(row -> row.get(index)).toList();
        }

        public Object single() {
            if (rows.size() != 1 || columns.size() != 1) {
                throw new IllegalStateException("not one value: " + rows);
            }
            return rows.get(0).get(0);
        }
    }

    public void execute(String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    public Result query(String sql) {
        try (Statement statement = connection.createStatement();
                ResultSet results = statement.executeQuery(sql)) {
            ResultSetMetaData meta = results.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnLabel(i));
            }
            List<List<Object>> rows = new ArrayList<>();
            while (results.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns.size(); i++) {
                    Object value = results.getObject(i);
                    row.add(value instanceof Array array ? Arrays.asList((Object[]) array.getArray()) : value);
                }
                rows.add(row);
            }
            return new Result(columns, rows);
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    public void createCatalog(String name, DeltaCatalog catalog) {
        execute(catalog.createStatement(name));
    }

    /** Registers the Delta table at {@code location} as {@code catalog.schema.table} (the schema made if missing). */
    public void registerTable(String catalog, String schema, String table, String location) {
        execute("CREATE SCHEMA IF NOT EXISTS " + catalog + "." + schema);
        execute("CALL " + catalog + ".system.register_table(schema_name => " + literal(schema) + ", table_name => "
                + literal(table) + ", table_location => " + literal(DeltaCatalog.location(location)) + ")");
    }

    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close the Trino connection", e);
        }
    }

    private static IllegalStateException failure(String sql, SQLException e) {
        return new IllegalStateException("Trino: " + e.getMessage() + "\n  in: " + sql, e);
    }
}
