package dev.flowcost.advisor.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowcost.advisor.AdviseFixtures;
import dev.flowcost.advisor.Advisor;
import dev.flowcost.advisor.analysis.Analysis;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A CUR 2.0 sample with Step Functions and MWAA lines reconciles to the cent against a hand computation. */
class ReconciliationTest {

    private static Analysis analysis() {
        return Advisor.analyze(AdviseFixtures.input(List.of(AdviseFixtures.machine("orders", "../reconcile/four-passes.asl.json"),
                        AdviseFixtures.machine("events", "../reconcile/four-passes.asl.json")),
                List.of(hourlyDag()), AdviseFixtures.workload("workflows:\n  orders: {workflowType: STANDARD, "
                        + "executionsPerMonth: 100000}\n  events: {workflowType: EXPRESS, executionsPerMonth: 2000000}\n"
                        + "environments:\n  prod-airflow: {environmentClass: mw1.small, "
                        + "minWorkers: 1, maxWorkers: 1, dags: [\"*\"]}\n")));
    }

    private static dev.flowcost.core.dag.Dag hourlyDag() {
        return new dev.flowcost.core.dag.Dag("etl", "etl.py", 1, new dev.flowcost.core.dag.Schedule(
                dev.flowcost.core.dag.Schedule.Kind.CRON, "0 * * * *"), Optional.empty(), false,
                java.util.OptionalInt.empty(), java.util.OptionalInt.empty(), java.util.Map.of(), List.of(),
                List.of(dev.flowcost.core.dag.DagTask.simple("extract", "PythonOperator",
                        dev.flowcost.core.dag.OperatorFamily.WORKER_CODE)), List.of());
    }

    private static Path sample(Path dir) throws Exception {
        Path p = dir.resolve("cur.csv");
        Files.copy(ReconciliationTest.class.getResourceAsStream("/reconcile/cur2-october.csv"), p);
        return p;
    }

    private static Reconciliation.Row row(Reconciliation r, String month, String name) {
        return r.rows().stream().filter(x -> x.month().equals(month) && x.name().equals(name)).findFirst().orElseThrow(
                () -> new AssertionError("no row " + month + " " + name + " in " + r.rows()));
    }

    @Test
    void reconcilesToTheCent(@TempDir Path dir) throws Exception {
        Reconciliation r = Reconciliation.of(analysis(), CurReader.read(sample(dir)));
        // modelled: 100,000 executions x 4 transitions = 400,000 x $0.000025 = $10.00
        // billed October, orders: 5.00 (USE1-StateTransition) + 4.90 (StateTransition, no region prefix) = $9.90
        // -> gap (9.90 - 10.00) / 10.00 = -1.0 %
        Reconciliation.Row orders = row(r, "2026-10", "orders");
        assertThat(orders.modelled()).isEqualByComparingTo("10.00");
        assertThat(orders.billed()).isEqualByComparingTo("9.90");
        assertThat(orders.gapPercent()).contains(new BigDecimal("-1.0"));
        // November: 7.50 + 0.50 (an unconfirmed usage type matched by its operation StateTransition) = 8.00 -> -20.0 %
        assertThat(row(r, "2026-11", "orders").gapPercent()).contains(new BigDecimal("-20.0"));
        // MWAA: modelled mw1.small 730 h x 0.49 = 357.70; billed 182.28 + 182.28 + 0.6875 (worker) + 1.00 (metadata
        // storage) + 0.5004 (web server, by AWS's pattern) = 366.7479 -> 366.75, gap 9.0479 / 357.70 = +2.5 %
        Reconciliation.Row env = row(r, "2026-10", "prod-airflow");
        assertThat(env.modelled()).isEqualByComparingTo("357.70");
        assertThat(env.billed()).isEqualByComparingTo("366.75");
        assertThat(env.gapPercent()).contains(new BigDecimal("2.5"));
        // account line: the free tier (-4,000 x 0.000025 = -0.10 modelled) vs the $0.00 line without an ARN
        Reconciliation.Row account = row(r, "2026-10", "Step Functions (lines without a state machine ARN)");
        assertThat(account.modelled()).isEqualByComparingTo("-0.10");
        assertThat(account.billed()).isEqualByComparingTo("0.00");
        // what the model does not explain is listed: the unmodelled machine and the data transfer
        assertThat(r.unexplained()).extracting(BillLine::usageType, BillLine::cost).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("USE1-StateTransition", new BigDecimal("1")),
                org.assertj.core.groups.Tuple.tuple("USE1-DataTransfer-Out-Bytes", new BigDecimal("0.42")));
        assertThat(r.otherProducts()).containsEntry("AWSLambda", new BigDecimal("2.000004"));
    }

    /**
     * Express lines carry AWS's names StepFunctions-Request and StepFunctions-GB-Second (no word "Express"): they are
     * billed to their machine, not listed as unexplained; what is matched without a confirmed name, what is not
     * priced, and an environment billed in another class are warned about by name.
     */
    @Test
    void awsUsageTypeNamesAreMatchedAndTheRestNamed(@TempDir Path dir) throws Exception {
        Analysis a = analysis();
        Reconciliation r = Reconciliation.of(a, CurReader.read(sample(dir)));
        Reconciliation.Row events = row(r, "2026-10", "events");
        // billed: 2.00 (2,000,000 requests) + 0.1667 (10,000 GB-s) = 2.1667 -> 2.17
        assertThat(events.billed()).isEqualByComparingTo("2.17");
        BigDecimal modelled = a.workflows().stream().filter(w -> w.name().equals("events")).findFirst().orElseThrow()
                .costItems().stream().map(dev.flowcost.advisor.analysis.CostItem::monthlyAmount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(events.modelled()).isEqualByComparingTo(modelled.setScale(2, java.math.RoundingMode.HALF_UP));
        assertThat(r.unexplained()).extracting(BillLine::usageType).doesNotContain("USE1-StepFunctions-Request",
                "USE1-StepFunctions-GB-Second", "USE1-Airflow-StandardDatabaseStorage", "USE1-StandardTransitions");
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("USE1-Airflow-SmallWebServer")
                .contains("mwaa web server").contains("naming pattern"));
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("USE1-StandardTransitions")
                .contains("operation StateTransition").contains("state transition").contains("its words"));
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("does not price")
                .contains("AmazonStates USE1-DataTransfer-Out-Bytes"));
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("prod-airflow is billed as mw1.medium")
                .contains("modelled as mw1.small"));
        assertThat(r.warnings()).noneMatch(w -> w.contains("StepFunctions-Request") || w.contains("SmallEnvironment")
                || w.contains("StandardDatabaseStorage"));
    }

    @Test
    void parquetAndGzipReadTheSame(@TempDir Path dir) throws Exception {
        Path csv = sample(dir);
        Path parquet = dir.resolve("cur.parquet");
        Path gz = dir.resolve("cur.csv.gz");
        try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:"); var s = c.createStatement()) {
            s.execute("COPY (SELECT * FROM read_csv('" + csv + "', header = true, all_varchar = true)) TO '" + parquet
                    + "' (FORMAT parquet)");
            s.execute("COPY (SELECT * FROM read_csv('" + csv + "', header = true, all_varchar = true)) TO '" + gz
                    + "' (FORMAT csv, HEADER, COMPRESSION gzip)");
        }
        List<BillLine> fromCsv = CurReader.read(csv);
        assertThat(CurReader.read(parquet)).isEqualTo(fromCsv);
        assertThat(CurReader.read(gz)).isEqualTo(fromCsv);
    }

    /** A CUR 2.0 export without line_item_product_code names the service by product_servicecode: the same sums. */
    @Test
    void productServicecodeStandsInForTheProductCode(@TempDir Path dir) throws Exception {
        Path csv = sample(dir);
        Path slim = dir.resolve("cur-servicecode.csv");
        try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:"); var s = c.createStatement()) {
            s.execute("COPY (SELECT * EXCLUDE (line_item_product_code) FROM read_csv('" + csv + "', header = true, "
                    + "all_varchar = true)) TO '" + slim + "' (FORMAT csv, HEADER)");
        }
        assertThat(Files.readString(slim)).doesNotContain("line_item_product_code");
        assertThat(CurReader.read(slim)).isEqualTo(CurReader.read(csv));
    }

    @Test
    void aFileThatIsNotABillNamesWhatIsMissing(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("not-a-bill.csv");
        Files.writeString(p, "a,b\n1,2\n");
        assertThatThrownBy(() -> CurReader.read(p)).isInstanceOf(CurReader.BillException.class)
                .hasMessageContaining("not-a-bill.csv").hasMessageContaining("line_item_product_code");
        assertThat(Optional.empty()).isEmpty();
    }
}
