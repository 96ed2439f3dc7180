package dev.flowcost.advisor.migration;

import dev.flowcost.advisor.analysis.Alternative;
import dev.flowcost.advisor.analysis.CostItem;
import dev.flowcost.advisor.analysis.CostItems;
import dev.flowcost.advisor.analysis.Finding;
import dev.flowcost.advisor.analysis.Change;
import dev.flowcost.core.asl.AslReadResult;
import dev.flowcost.core.asl.AslReader;
import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.simulate.dag.DagRunSimulator;
import dev.flowcost.core.simulate.dag.DagSimulationSettings;
import dev.flowcost.core.simulate.dag.DagRunResult;
import dev.flowcost.core.workload.WorkflowWorkload;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.flowcost.advisor.migration.MigrationFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DagMigrationAdvisorTest {

    private static final BigDecimal CENT = new BigDecimal("0.005");

    /*
     * The seed's reflection case, alone on mw1.small: 730 h × $0.49 = $357.70, 600 extra-worker hours × $0.055 = $33.00,
     * 10 GB × $0.10 = $1.00 → $391.70 a month.
     * Step Functions: the chain converts to 15 states, no retries or failures → 15 transitions a run × 730 runs =
     * 10,950 × $0.000025 = $0.27375. Worker tasks: 10 PythonOperators + 1 BashOperator, 60 s default each, on Lambda at
     * 1,024 MB: 8,030 requests × $0.0000002 = $0.001606; 8,030 × 60 s × 1 GB = 481,800 GB-s × $0.0000166667 =
     * $8.03001606. Glue and SNS tasks excluded. Total $8.30537206.
     * MWAA Serverless: 11 × 60 s + 3 × 300 s (Glue, Glue, SNS default) = 1,560 s a run = 316.333 task-hours × $0.088 =
     * $27.8373 (EmptyOperator not billed).
     * Verdict: move to Step Functions, saving $391.70 − $8.31 = $383.39.
     */
    @Test
    void reflectionDagAloneOnSmallEnvironmentMovesToStepFunctions() {
        Dag dag = fixture("reflection-15-tasks-hourly.py");
        assertThat(dag.tasks()).hasSize(15);
        List<CostItem> env = smallEnvironment(600, 10);
        assertThat(CostItems.total(env)).isEqualByComparingTo("391.70");

        DagMigration m = DagMigrationAdvisor.assess(input(dag, WorkflowWorkload.defaults(), 730, alone(env)));

        assertThat(m.verdict()).isEqualTo(DagMigration.MOVE_TO_STEP_FUNCTIONS);
        assertThat(m.alternative("mwaa").orElseThrow().monthlyCost()).isEqualByComparingTo("391.70");
        Alternative sf = m.alternative("step-functions").orElseThrow();
        assertThat(sf.monthlyCost()).isCloseTo(new BigDecimal("8.30537206"), within(new BigDecimal("0.000001")));
        assertThat(sf.costItems().get(0).quantityPerExecution()).isEqualByComparingTo("15");
        assertThat(sf.notes()).anyMatch(n -> n.contains("[compact, publish_mart, notify]") && n.contains("excluded"));
        assertThat(m.alternative("mwaa-serverless").orElseThrow().monthlyCost())
                .isCloseTo(new BigDecimal("27.8373333"), within(new BigDecimal("0.0001")));
        assertThat(m.reasons()).anyMatch(r -> r.contains("alone on environment prod-airflow") && r.contains("$391.70"));
        assertThat(m.reasons()).anyMatch(r -> r.contains("saves $383.39"));
        // MWAA flat at $391.70, Step Functions $0.0113772 a run → they cross at 391.70 × 730 / 8.30537206 ≈ 34,428 runs.
        BigDecimal be = m.curve().orElseThrow().breakEvenVolume().orElseThrow();
        assertThat(be.doubleValue()).isCloseTo(391.70 * 730 / 8.30537206, within(1.0));
        assertThat(m.blockers()).isEmpty();
        assertThat(m.findings()).isEmpty();
    }

    /*
     * The same DAG on a busy shared mw1.small: 41 DAGs, 2,000 extra-worker hours a month, its slot share 2 %.
     * Marginal = 2,000 h × 0.02 × $0.055 = $2.20, while Step Functions costs $8.31 → keep on MWAA.
     */
    @Test
    void reflectionDagSharingWithFortyBusyDagsIsKept() {
        Dag dag = fixture("reflection-15-tasks-hourly.py");
        List<CostItem> env = smallEnvironment(2000, 10);
        EnvironmentShare share = EnvironmentShare.shared("prod-airflow", "mw1.small", CostItems.total(env), env,
                new BigDecimal("0.02"), 41, BigDecimal.valueOf(2000), new BigDecimal("0.055"));
        assertThat(share.marginalMonthlyCost()).isEqualByComparingTo("2.20");

        DagMigration m = DagMigrationAdvisor.assess(input(dag, WorkflowWorkload.defaults(), 730, share));

        assertThat(m.verdict()).isEqualTo(DagMigration.KEEP);
        assertThat(m.alternative("mwaa").orElseThrow().monthlyCost()).isCloseTo(new BigDecimal("2.20"), within(CENT));
        assertThat(m.reasons()).anyMatch(r -> r.contains("marginal cost") && r.contains("$2.20") && r.contains("40 other"));
        assertThat(m.reasons()).anyMatch(r -> r.contains("costs $6.11 more"));
        assertThat(m.alternative("mwaa").orElseThrow().notes()).anyMatch(n -> n.contains("2.0 %"));
        // both grow in proportion to runs: no crossing, MWAA stays cheaper
        assertThat(m.curve().orElseThrow().breakEvenVolume()).isEmpty();
    }

    /*
     * examples/etl_glue_s3.py: S3KeySensor (poke, 60 s) → 2 Glue jobs → crawler → SNS, daily (30 runs).
     * The draft validates and uses glue:startJobRun.sync. The sensor (600 s default wait) holds a slot 600 s a run:
     * 600 × 30 / 5 tasks per worker / 3600 × $0.055 = $0.055 a month. Alone on mw1.small the DAG moves to Step
     * Functions, so the finding prices the S3 event trigger: 30 × ($0.000001 event + $0.000025 transition) = $0.00078.
     */
    @Test
    void glueDagWithS3SensorConvertsAndPricesTheEventTrigger() {
        Dag dag = readDag("../examples/etl_glue_s3.py");
        List<CostItem> env = smallEnvironment(0, 0);
        DagMigration m = DagMigrationAdvisor.assess(input(dag, WorkflowWorkload.defaults(), 30, alone(env)));

        String json = m.conversion().orElseThrow().toJson();
        assertThat(json).contains("arn:aws:states:::glue:startJobRun.sync");
        AslReadResult read = new AslReader().read("etl_glue_s3.asl.json", json.getBytes(StandardCharsets.UTF_8));
        assertThat(read.hasErrors()).as(read.diagnostics().toString()).isFalse();

        assertThat(m.verdict()).isEqualTo(DagMigration.MOVE_TO_STEP_FUNCTIONS);
        assertThat(m.blockers()).anyMatch(b -> b.startsWith("Task wait_for_export (S3KeySensor)") && b.contains("EventBridge"));
        assertThat(m.findings()).hasSize(1);
        Finding f = m.findings().get(0);
        assertThat(f.targets()).containsExactly("wait_for_export");
        assertThat(f.monthlyCostNow()).isCloseTo(new BigDecimal("0.055"), within(new BigDecimal("1e-12")));
        assertThat(f.monthlyCostAfter()).isEqualByComparingTo("0.00078");
        assertThat(f.monthlySaving()).isEqualByComparingTo(f.monthlyCostNow().subtract(f.monthlyCostAfter()));
        assertThat(f.change().kind()).isEqualTo(Change.Kind.DAG_NOTE);
        assertThat(f.change().content()).contains("\"aws.s3\"", "acme-exports", "{\"prefix\": \"daily/\"}");
        // the sensor's poll loop: 600 s / 60 s + 1 = 11 headObject attempts and 10 Waits = 21 of the transitions
        assertThat(m.alternative("step-functions").orElseThrow().costItems().get(0).quantityPerExecution().doubleValue())
                .isGreaterThanOrEqualTo(21 + 2 + 4 + 1);
    }

    /* The same DAG with the real DAG run simulator: the finding prices what the simulator counted. */
    @Test
    void sensorFindingUsesTheSimulatedSlotSeconds() {
        Dag dag = readDag("../examples/etl_glue_s3.py");
        DagRunResult run = new DagRunSimulator().simulate(dag, WorkflowWorkload.defaults(),
                DagSimulationSettings.airflowDefaults(), 20, 7);
        List<CostItem> env = smallEnvironment(0, 0);
        DagMigrationInput in = new DagMigrationInput(dag, WorkflowWorkload.defaults(), BigDecimal.valueOf(30), "k", run,
                alone(env), PRICES, REGION);
        Finding f = DagMigrationAdvisor.assess(in).findings().get(0);
        double slot = run.perTask().get("wait_for_export").expectedSlotSeconds();
        assertThat(f.monthlyCostNow().doubleValue()).isCloseTo(slot * 30 / 5 / 3600 * 0.055, within(1e-9));
    }
}
