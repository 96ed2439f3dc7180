package dev.flowcost.advisor.migration;

import dev.flowcost.advisor.analysis.Alternative;
import dev.flowcost.advisor.analysis.Change;
import dev.flowcost.advisor.analysis.CostItem;
import dev.flowcost.advisor.analysis.CostItems;
import dev.flowcost.advisor.analysis.Finding;
import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.DagTask;
import dev.flowcost.core.dag.OperatorCatalog;
import dev.flowcost.core.dag.Schedule;
import dev.flowcost.core.dag.SensorSettings;
import dev.flowcost.core.workload.ItemCount;
import dev.flowcost.core.workload.StepWorkload;
import dev.flowcost.core.workload.WorkflowWorkload;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import static dev.flowcost.advisor.migration.MigrationFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Each rule where it fires and where it must not. */
class MigrationRulesTest {

    private static final BigDecimal TINY = new BigDecimal("1e-9");

    static DagTask sensor(String id, String operator, SensorSettings.Mode mode, boolean deferrable) {
        DagTask t = task(id, operator);
        return new DagTask(id, operator, "", t.family(), 0, 0, OptionalDouble.empty(), false, OptionalDouble.empty(),
                OptionalDouble.empty(), t.triggerRule(), t.pool(), 1,
                Optional.of(new SensorSettings(mode, OptionalDouble.of(60), OptionalDouble.empty(), deferrable)), false,
                Optional.empty(), DagTask.Role.NORMAL, Map.of(), Optional.empty());
    }

    static DagTask mapped(String id, String operator) {
        DagTask t = task(id, operator);
        return new DagTask(id, operator, "", t.family(), 0, 0, OptionalDouble.empty(), false, OptionalDouble.empty(),
                OptionalDouble.empty(), t.triggerRule(), t.pool(), 1, Optional.empty(), true, Optional.empty(),
                DagTask.Role.NORMAL, Map.of(), Optional.empty());
    }

    static DagTask pooled(String id, String operator, String pool) {
        DagTask t = task(id, operator);
        return new DagTask(id, operator, "", t.family(), 0, 0, OptionalDouble.empty(), false, OptionalDouble.empty(),
                OptionalDouble.empty(), t.triggerRule(), pool, 1, Optional.empty(), false, Optional.empty(),
                DagTask.Role.NORMAL, Map.of(), Optional.empty());
    }

    private static EnvironmentShare busyShared() {
        List<CostItem> env = smallEnvironment(2000, 10);
        return EnvironmentShare.shared("prod-airflow", "mw1.small", CostItems.total(env), env, new BigDecimal("0.02"), 41,
                BigDecimal.valueOf(2000), new BigDecimal("0.055"));
    }

    private static DagMigration assess(Dag dag, WorkflowWorkload wl, double runs, EnvironmentShare env) {
        return DagMigrationAdvisor.assess(input(dag, wl, runs, env));
    }

    // ------------------------------------------------------------------ sensor → event trigger

    /*
     * A poke-mode SqlSensor (600 s default wait, poke 60 s) on a shared mw1.small, 100 runs: it holds
     * 600 × 100 / 5 / 3600 × $0.055 = $0.183333 of worker capacity. The DAG stays on MWAA (external-state sensor), so
     * the finding proposes reschedule mode: (600/60 + 1) = 11 pokes × 1 s → 11 × 100 / 5 / 3600 × $0.055 = $0.0033611.
     */
    @Test
    void pokeSensorOnAirflowGetsRescheduleMode() {
        Dag dag = chain("wait_sql", List.of(sensor("wait_rows", "SqlSensor", SensorSettings.Mode.POKE, false),
                task("load", "PythonOperator")));
        DagMigration m = assess(dag, WorkflowWorkload.defaults(), 100, busyShared());
        assertThat(m.verdict()).isEqualTo(DagMigration.KEEP);
        assertThat(m.findings()).hasSize(1);
        Finding f = m.findings().get(0);
        assertThat(f.monthlyCostNow()).isCloseTo(new BigDecimal("0.1833333333"), within(TINY));
        assertThat(f.monthlyCostAfter()).isCloseTo(new BigDecimal("0.0033611111"), within(TINY));
        assertThat(f.change().kind()).isEqualTo(Change.Kind.DAG_NOTE);
        assertThat(f.change().content()).contains("mode='reschedule'");
    }

    @Test
    void rescheduleAndDeferrableSensorsRaiseNoFinding() {
        Dag reschedule = chain("r", List.of(sensor("wait", "S3KeySensor", SensorSettings.Mode.RESCHEDULE, false),
                task("load", "PythonOperator")));
        Dag deferrable = chain("d", List.of(sensor("wait", "S3KeySensor", SensorSettings.Mode.POKE, true),
                task("load", "PythonOperator")));
        assertThat(assess(reschedule, WorkflowWorkload.defaults(), 100, busyShared()).findings()).isEmpty();
        assertThat(assess(deferrable, WorkflowWorkload.defaults(), 100, busyShared()).findings()).isEmpty();
    }

    @Test
    void awsSensorOnAirflowGetsDeferrable() {
        Dag dag = chain("glue_wait", List.of(sensor("wait_job", "GlueJobSensor", SensorSettings.Mode.POKE, false),
                task("load", "PythonOperator")));
        Finding f = assess(dag, WorkflowWorkload.defaults(), 100, busyShared()).findings().get(0);
        assertThat(f.change().content()).contains("deferrable=True");
    }

    // ------------------------------------------------------------------ platform limits

    /* A 4,000 s Glue job: past MWAA Serverless' 60 minutes (blocked, not priced); a Glue job needs no Lambda. */
    @Test
    void taskOverSixtyMinutesBlocksServerless() {
        Dag dag = chain("big", List.of(task("big_job", "GlueJobOperator"), task("report", "PythonOperator")));
        DagMigration m = assess(dag, durations(Map.of("big_job", 4000.0)), 30, alone(smallEnvironment(0, 0)));
        assertThat(m.alternative("mwaa-serverless")).isEmpty();
        assertThat(m.blockers()).anyMatch(b -> b.startsWith("Task big_job (GlueJobOperator) runs about 66.7 min")
                && b.contains("MWAA Serverless"));
        assertThat(m.blockers()).noneMatch(b -> b.contains("Lambda"));
        assertThat(m.verdict()).isEqualTo(DagMigration.MOVE_TO_STEP_FUNCTIONS);
    }

    @Test
    void taskOfExactlySixtyMinutesKeepsServerless() {
        Dag dag = chain("edge", List.of(task("job", "GlueJobOperator")));
        DagMigration m = assess(dag, durations(Map.of("job", 3600.0)), 30, alone(smallEnvironment(0, 0)));
        assertThat(m.alternative("mwaa-serverless")).isPresent();
        assertThat(m.blockers()).isEmpty();
    }

    /*
     * A 1,200 s PythonOperator, 100 runs: past Lambda's 15 minutes → Fargate 1 vCPU / 2 GB:
     * 100 × 1,200 s = 33.333 vCPU-h × $0.04048 = $1.349333 + 66.667 GB-h × $0.004445 = $0.296333 → $1.645667, plus
     * 100 × 1 transition × $0.000025 = $0.0025.
     */
    @Test
    void longWorkerTaskGoesToFargate() {
        Dag dag = chain("long", List.of(task("crunch", "PythonOperator")));
        DagMigration m = assess(dag, durations(Map.of("crunch", 1200.0)), 100, alone(smallEnvironment(0, 0)));
        Alternative sf = m.alternative("step-functions").orElseThrow();
        assertThat(sf.costItems()).anyMatch(i -> i.component().startsWith("Fargate vCPU-hours: crunch"));
        assertThat(sf.costItems()).noneMatch(i -> i.component().startsWith("Lambda"));
        assertThat(sf.monthlyCost()).isCloseTo(new BigDecimal("1.6481667"), within(new BigDecimal("0.000001")));
        assertThat(m.blockers()).anyMatch(b -> b.startsWith("Task crunch (PythonOperator) runs about 20 min, longer than Lambda"));
    }

    @Test
    void fifteenMinuteWorkerTaskStaysOnLambda() {
        Dag dag = chain("short", List.of(task("crunch", "PythonOperator")));
        DagMigration m = assess(dag, durations(Map.of("crunch", 900.0)), 100, alone(smallEnvironment(0, 0)));
        assertThat(m.alternative("step-functions").orElseThrow().costItems())
                .anyMatch(i -> i.component().startsWith("Lambda duration: crunch"));
        assertThat(m.blockers()).isEmpty();
    }

    // ------------------------------------------------------------------ blockers read from the DAG

    @Test
    void timeSensorIsNoExternalStateBlocker() {
        Dag dag = chain("timed", List.of(sensor("pause", "TimeDeltaSensor", SensorSettings.Mode.RESCHEDULE, false),
                task("load", "PythonOperator")));
        assertThat(assess(dag, WorkflowWorkload.defaults(), 30, alone(smallEnvironment(0, 0))).blockers()).isEmpty();
    }

    /* Alone on a $357.70 environment, Step Functions would save almost all of it, but a cross-DAG sensor keeps it. */
    @Test
    void crossDagDependencyKeepsTheDagOnAirflow() {
        Dag dag = chain("downstream", List.of(task("wait_upstream", "ExternalTaskSensor"), task("load", "PythonOperator")));
        DagMigration m = assess(dag, WorkflowWorkload.defaults(), 30, alone(smallEnvironment(0, 0)));
        assertThat(m.blockers()).anyMatch(b -> b.startsWith("Task wait_upstream (ExternalTaskSensor) is a cross-DAG"));
        assertThat(m.verdict()).isEqualTo(DagMigration.KEEP);
        assertThat(m.reasons()).anyMatch(r -> r.contains("Airflow-only") && r.contains("wait_upstream"));
    }

    /*
     * Hybrid: the same cross-DAG wait (60 s default) before a Glue job mapped over 500 items of 300 s: the fan-out holds
     * 150,000 of 150,060 slot-seconds a run (> 50 %) → Airflow outer loop, Step Functions inner loop.
     */
    @Test
    void crossDagWithHeavyMappedFanOutIsHybrid() {
        Dag dag = chain("fan", List.of(task("wait_upstream", "ExternalTaskSensor"), mapped("process", "GlueJobOperator")));
        WorkflowWorkload wl = new WorkflowWorkload(Optional.empty(), OptionalDouble.empty(), OptionalInt.empty(), Map.of(),
                Map.of("process", new StepWorkload(Optional.of(ItemCount.exactly(500)), Map.of(), Map.of(),
                        OptionalDouble.of(300), OptionalDouble.empty(), OptionalInt.empty())));
        DagMigration m = assess(dag, wl, 30, alone(smallEnvironment(0, 0)));
        assertThat(m.verdict()).isEqualTo(DagMigration.HYBRID);
        assertThat(m.reasons()).anyMatch(r -> r.contains("100 %") || r.contains("fan-out holds"));
    }

    @Test
    void datasetScheduleIsABlockerThatKeeps() {
        Dag dag = chain("consumer", List.of(task("load", "PythonOperator")), false,
                new Schedule(Schedule.Kind.DATASET, "[Dataset('s3://bucket/orders')]"));
        DagMigration m = assess(dag, WorkflowWorkload.defaults(), 30, alone(smallEnvironment(0, 0)));
        assertThat(m.blockers()).anyMatch(b -> b.startsWith("DAG consumer is scheduled on datasets/assets"));
        assertThat(m.verdict()).isEqualTo(DagMigration.KEEP);
    }

    @Test
    void catchupWithStartDateIsABlockerAndWithoutCatchupIsNot() {
        Dag backfill = chain("bf", List.of(task("load", "PythonOperator")), true, Schedule.none());
        Dag plain = chain("pl", List.of(task("load", "PythonOperator")), false, Schedule.none());
        assertThat(Blockers.of(backfill, profiles(backfill))).extracting(Blocker::kind).containsExactly(Blocker.Kind.CATCHUP);
        assertThat(Blockers.of(plain, profiles(plain))).isEmpty();
    }

    @Test
    void nonDefaultPoolIsABlocker() {
        Dag dag = chain("p", List.of(pooled("load", "PythonOperator", "warehouse"), task("report", "PythonOperator")));
        List<Blocker> b = Blockers.of(dag, profiles(dag));
        assertThat(b).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(Blocker.Kind.POOL);
            assertThat(x.sentence()).startsWith("Task load (PythonOperator) runs in pool 'warehouse'");
        });
    }

    @Test
    void customOperatorIsABlockerAndKnownOnesAreNot() {
        assertThat(OperatorCatalog.classify("AcmeWarehouseOperator")).isEqualTo(dev.flowcost.core.dag.OperatorFamily.UNKNOWN);
        Dag dag = chain("c", List.of(task("load", "AcmeWarehouseOperator"), task("report", "PythonOperator")));
        assertThat(Blockers.of(dag, profiles(dag))).singleElement()
                .satisfies(x -> assertThat(x.sentence()).startsWith("Task load (AcmeWarehouseOperator) is a custom"));
    }

    @Test
    void taskFlowChainIsAnXComBlockerAndASingleTaskIsNot() {
        Dag chained = chain("tf", List.of(task("extract", "@task"), task("transform", "@task")));
        Dag single = chain("one", List.of(task("extract", "@task"), task("report", "PythonOperator")));
        assertThat(Blockers.of(chained, profiles(chained))).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(Blocker.Kind.XCOM);
            assertThat(x.taskId()).isEqualTo("transform");
            assertThat(x.sentence()).contains("from extract").contains("256 KiB");
        });
        assertThat(Blockers.of(single, profiles(single))).isEmpty();
    }

    /* A sensor on AWS state has a Step Functions equivalent (work); one on state outside AWS has none (hard). */
    @Test
    void sensorsOnAwsStateAreWorkAndOthersAreHard() {
        Dag aws = chain("aws", List.of(sensor("wait_stack", "CloudFormationCreateStackSensor", SensorSettings.Mode.POKE, false),
                sensor("wait_job", "GlueJobSensor", SensorSettings.Mode.POKE, false)));
        assertThat(Blockers.of(aws, profiles(aws))).extracting(Blocker::kind)
                .containsExactly(Blocker.Kind.AWS_STATE_SENSOR, Blocker.Kind.AWS_STATE_SENSOR);
        assertThat(Blockers.of(aws, profiles(aws))).allMatch(b -> !b.kind().airflowOnly()
                && b.sentence().contains(".sync") && b.sentence().contains("EventBridge"));
        Dag http = chain("http", List.of(sensor("wait_api", "HttpSensor", SensorSettings.Mode.POKE, false)));
        assertThat(Blockers.of(http, profiles(http))).extracting(Blocker::kind).containsExactly(Blocker.Kind.EXTERNAL_SENSOR);
        assertThat(DagWork.of(http, profiles(http), Blockers.of(http, profiles(http)),
                dev.flowcost.core.workload.MigrationSettings.NONE, List.of(http)).movable()).isFalse();
        DagWork awsWork = DagWork.of(aws, profiles(aws), Blockers.of(aws, profiles(aws)),
                dev.flowcost.core.workload.MigrationSettings.NONE, List.of(aws));
        assertThat(awsWork.movable()).isTrue();
        assertThat(awsWork.items()).anyMatch(w -> w.kind().equals("sensor") && w.count() == 2 && w.hoursEach() == 2.0);
    }

    // ------------------------------------------------------------------ verdict margins

    /* Alone on a tiny $9.80 environment (20 h × $0.49): Step Functions at $8.31 saves $1.49 a month, which never repays the move's hours of work within 12 months → keep. */
    @Test
    void noMoveWhenTheSavingDoesNotClearTheMargin() {
        Dag dag = fixture("reflection-15-tasks-hourly.py");
        List<CostItem> env = List.of(CostItems.fixedMonthly("mw1.small environment", BigDecimal.valueOf(20),
                rate("mwaa", "mw1.small-environment")));
        DagMigration m = assess(dag, WorkflowWorkload.defaults(), 730, alone(env));
        assertThat(m.verdict()).isEqualTo(DagMigration.KEEP);
        assertThat(m.reasons()).anyMatch(r -> r.contains("does not pay back the work within the horizon"));
    }

    /*
     * A 600 s PythonOperator needing 10,240 MB: Lambda 600 s × 10 GB = 6,000 GB-s × $0.0000166667 = $0.1000 a run,
     * MWAA Serverless 600 s = 1/6 task-hour × $0.088 = $0.014667 a run → MWAA Serverless is the cheaper move.
     */
    @Test
    void memoryHungryTaskMovesToServerless() {
        Dag dag = chain("ml", List.of(task("train", "PythonOperator")));
        WorkflowWorkload wl = new WorkflowWorkload(Optional.empty(), OptionalDouble.empty(), OptionalInt.empty(), Map.of(),
                Map.of("train", new StepWorkload(Optional.empty(), Map.of(), Map.of(), OptionalDouble.of(600),
                        OptionalDouble.empty(), OptionalInt.of(10240))));
        DagMigration m = assess(dag, wl, 100, alone(smallEnvironment(0, 0)));
        assertThat(m.verdict()).isEqualTo(DagMigration.MOVE_TO_SERVERLESS);
        assertThat(m.alternative("mwaa-serverless").orElseThrow().monthlyCost())
                .isCloseTo(new BigDecimal("1.4666667"), within(new BigDecimal("0.000001")));
    }

    /*
     * A PythonOperator mapped over 5,000 items (> 1,000) becomes a Distributed Map of Express children: 5,000 child
     * requests a run × 30 runs × $0.000001 = $0.15, and the mapped work on Lambda: 150,000 requests × $0.0000002 = $0.03.
     */
    @Test
    void largeMappedWorkerTaskIsPricedWithExpressChildren() {
        Dag dag = chain("wide", List.of(mapped("score", "PythonOperator")));
        WorkflowWorkload wl = new WorkflowWorkload(Optional.empty(), OptionalDouble.empty(), OptionalInt.empty(), Map.of(),
                Map.of("score", new StepWorkload(Optional.of(ItemCount.exactly(5000)), Map.of(), Map.of(),
                        OptionalDouble.of(2), OptionalDouble.empty(), OptionalInt.empty())));
        Alternative sf = assess(dag, wl, 30, alone(smallEnvironment(0, 0))).alternative("step-functions").orElseThrow();
        CostItem requests = sf.costItems().stream().filter(i -> i.component().startsWith("Express child executions"))
                .findFirst().orElseThrow();
        assertThat(requests.monthlyAmount()).isCloseTo(new BigDecimal("0.15"), within(TINY));
        CostItem lambda = sf.costItems().stream().filter(i -> i.component().equals("Lambda requests: score")).findFirst()
                .orElseThrow();
        assertThat(lambda.monthlyAmount()).isCloseTo(new BigDecimal("0.03"), within(TINY));
        assertThat(sf.costItems()).anyMatch(i -> i.component().startsWith("Express child duration"));
    }

    /*
     * Failure rates reach the converted machine: retries=2 becomes Retry States.ALL MaxAttempts 2; with half the attempts
     * failing, a run makes 1 + 0.5 + 0.25 = 1.75 attempts of the one state, each a transition.
     */
    @Test
    void failureRatesOfTasksDriveTheRetryTransitions() {
        DagTask t = task("flaky", "PythonOperator");
        DagTask withRetries = new DagTask("flaky", "PythonOperator", "", t.family(), 0, 2, OptionalDouble.of(60), false,
                OptionalDouble.empty(), OptionalDouble.empty(), t.triggerRule(), t.pool(), 1, Optional.empty(), false,
                Optional.empty(), DagTask.Role.NORMAL, Map.of(), Optional.empty());
        Dag dag = chain("flaky_dag", List.of(withRetries));
        WorkflowWorkload wl = new WorkflowWorkload(Optional.empty(), OptionalDouble.empty(), OptionalInt.empty(), Map.of(),
                Map.of("flaky", new StepWorkload(Optional.empty(), Map.of("States.TaskFailed", 0.5), Map.of(),
                        OptionalDouble.of(10), OptionalDouble.empty(), OptionalInt.empty())));
        CostItem transitions = assess(dag, wl, 30, alone(smallEnvironment(0, 0))).alternative("step-functions")
                .orElseThrow().costItems().get(0);
        assertThat(transitions.quantityPerExecution().doubleValue()).isCloseTo(1.75, within(1e-9));
    }

    /* Shared with others, a DAG whose marginal cost is under $5 can never clear the $5 margin: never a move. */
    @Test
    void smallMarginalCostNeverMoves() {
        Dag dag = fixture("reflection-15-tasks-hourly.py");
        for (int runs : new int[] {1, 30, 730, 20_000}) {
            List<CostItem> env = smallEnvironment(90, 10);
            EnvironmentShare share = EnvironmentShare.shared("prod-airflow", "mw1.small", CostItems.total(env), env,
                    new BigDecimal("0.5"), 2, BigDecimal.valueOf(90), new BigDecimal("0.055"));
            assertThat(share.marginalMonthlyCost()).isEqualByComparingTo("2.475");
            assertThat(assess(dag, WorkflowWorkload.defaults(), runs, share).verdict()).isEqualTo(DagMigration.KEEP);
        }
    }

    private static List<TaskProfile> profiles(Dag dag) {
        return TaskProfile.of(dag, WorkflowWorkload.defaults(), run(dag, WorkflowWorkload.defaults()));
    }
}
