package dev.flowcost.bench;

import dev.flowcost.advisor.reconcile.BillLine;
import dev.flowcost.advisor.reconcile.CurReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Issue 13 target: reconcile reads a 10,000,000-row Cost and Usage Report in under 30 s. The CUR 2.0 file is made by
 * DuckDB itself ({@code COPY (SELECT ... FROM range(N)) TO ... (FORMAT parquet)}, and gzip CSV): Step Functions
 * lines over 50 state machines, MWAA lines over 3 environments, the rest Lambda and S3, over two billing months. One
 * call is {@link CurReader#read}, which sums them by month, product, usage type and resource id.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReconcileBenchmark {

    @Param({"10000000"})
    public long rows;

    @Param({"parquet", "csv.gz"})
    public String format;

    private Path file;

    @Setup
    public void setUp() throws IOException, SQLException {
        file = Files.createTempFile("flowcost-cur-bench", "." + format);
        Files.delete(file);
        writeBill(rows, file);
        List<BillLine> lines = CurReader.read(file);
        long total = lines.stream().mapToLong(BillLine::rows).sum();
        if (total != rows) {
            throw new IllegalStateException("generated bill has " + total + " rows, not " + rows);
        }
    }

    /**
     * Writes a CUR 2.0 file of {@code rows} line items with DuckDB's own {@code COPY ... TO} (Parquet for a .parquet
     * name, else gzip CSV): a quarter each Step Functions (usage type USE1-StateTransition, 50 state machines m0..m49),
     * MWAA (USE1-Airflow-SmallEnvironment, environments env0..env2), Lambda and S3, over two billing months.
     */
    static void writeBill(long rows, Path file) throws SQLException {
        String select = "SELECT 'id' || i AS identity_line_item_id, "
                + "CASE WHEN i % 2 = 0 THEN '2026-10-01T00:00:00Z' ELSE '2026-11-01T00:00:00Z' END AS bill_billing_period_start_date, "
                + "'Usage' AS line_item_line_item_type, "
                + "CASE i % 4 WHEN 0 THEN 'AmazonStates' WHEN 1 THEN 'AmazonMWAA' WHEN 2 THEN 'AWSLambda' ELSE 'AmazonS3' END AS line_item_product_code, "
                + "CASE i % 4 WHEN 0 THEN 'USE1-StateTransition' WHEN 1 THEN 'USE1-Airflow-SmallEnvironment' "
                + "WHEN 2 THEN 'USE1-Lambda-GB-Second' ELSE 'USE1-TimedStorage-ByteHrs' END AS line_item_usage_type, "
                + "CASE i % 4 WHEN 0 THEN 'arn:aws:states:us-east-1:123456789012:stateMachine:m' || (i % 50) "
                + "WHEN 1 THEN 'arn:aws:airflow:us-east-1:123456789012:environment/env' || (i % 3) ELSE '' END AS line_item_resource_id, "
                + "CAST(100 + i % 1000 AS VARCHAR) AS line_item_usage_amount, "
                + "CAST(CAST((i % 1000) / 10000.0 AS DECIMAL(18, 10)) AS VARCHAR) AS line_item_unblended_cost, "
                + "'us-east-1' AS product_region_code FROM range(" + rows + ") t(i)";
        String target = file.toAbsolutePath().toString().replace("'", "''");
        String options = file.getFileName().toString().endsWith(".parquet") ? "(FORMAT parquet)"
                : "(FORMAT csv, HEADER, COMPRESSION gzip)";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (" + select + ") TO '" + target + "' " + options);
        }
    }

    @TearDown
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    public List<BillLine> read() throws IOException {
        return CurReader.read(file);
    }
}
