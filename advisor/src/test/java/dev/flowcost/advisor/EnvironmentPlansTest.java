package dev.flowcost.advisor;

import dev.flowcost.advisor.analysis.Alternative;
import dev.flowcost.advisor.analysis.Analysis;
import dev.flowcost.advisor.analysis.EnvironmentAnalysis;
import dev.flowcost.advisor.analysis.Finding;
import dev.flowcost.advisor.analysis.PlanOption;
import dev.flowcost.advisor.analysis.WorkflowAnalysis;
import dev.flowcost.advisor.migration.DagMigration;
import dev.flowcost.advisor.price.PriceBook;
import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.DagTask;
import dev.flowcost.core.dag.Edge;
import dev.flowcost.core.dag.OperatorFamily;
import dev.flowcost.core.dag.Schedule;
import dev.flowcost.core.dag.SensorSettings;
import dev.flowcost.core.input.WorkflowInputs;
import dev.flowcost.core.workload.EnvironmentSpec;
import dev.flowcost.core.workload.StepWorkload;
import dev.flowcost.core.workload.WorkflowWorkload;
import dev.flowcost.core.workload.Workload;
import dev.flowcost.core.workload.WorkloadReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

/**
 * Issue 11's acceptance cases through {@link Advisor#analyze}: the bundled examples' environment, an environment
 * where two DAGs cannot leave, and a property over random environments simulated for real.
 */
class EnvironmentPlansTest {

    private static Analysis examples() throws IOException {
        WorkflowInputs in = WorkflowInputs.read(List.of(Path.of("..", "examples")));
        Workload w = new WorkloadReader().read(Path.of("..", "examples", "workload.yaml")).workload().orElseThrow();
        return Advisor.analyze(new AdvisorInput(List.of(), in.dags(), w, PriceBook.bundled(), Optional.empty(),
                List.of(), List.of()));
    }

    private static PlanOption chosen(EnvironmentAnalysis e) {
        return e.chosenPlan().orElseThrow();
    }

    /*
     * prod-airflow (mw1.small, $381.13) hosts three DAGs; each alone stays (its marginal cost is small), together they
     * leave and the environment goes. The saving must be the environment's cost less what the three cost on their
     * new platforms (read from each DAG's own alternatives), within 5 %.
     */
    @Test
    void theBundledEnvironmentMovesAllThreeDagsAndIsDecommissioned() throws IOException {
        Analysis a = examples();
        EnvironmentAnalysis env = a.environments().stream().filter(e -> e.name().equals("prod-airflow")).findFirst()
                .orElseThrow();
        PlanOption c = chosen(env);
        assertThat(env.verdict()).isEqualTo("decommission");
        assertThat(c.dagsMoving()).containsExactlyInAnyOrder("etl_glue_s3", "marketing_attribution", "daily_reporting");
        assertThat(c.decommissions()).isTrue();
        BigDecimal newCosts = BigDecimal.ZERO;
        for (WorkflowAnalysis w : a.workflows()) {
            if (w.kind() == WorkflowAnalysis.Kind.DAG) {
                assertThat(w.verdict()).contains(DagMigration.MOVE_TO_STEP_FUNCTIONS);
                String target = c.targets().get(w.name());
                newCosts = newCosts.add(w.alternatives().stream().filter(x -> x.platform().equals(target))
                        .map(Alternative::monthlyCost).findFirst().orElseThrow());
            }
        }
        BigDecimal expected = env.monthlyCost().subtract(newCosts);
        assertThat(c.monthlySaving().subtract(expected).abs())
                .isLessThanOrEqualTo(expected.multiply(new BigDecimal("0.05")));
        assertThat(c.paybackMonths().orElseThrow()).isLessThanOrEqualTo(new BigDecimal("12"));
        // the plan is one finding; the moved DAGs' sensor findings are gone (the move replaces them)
        assertThat(a.findings()).filteredOn(f -> f.rule().equals("environment-after-migration")).hasSize(1);
        assertThat(a.findings()).noneMatch(f -> c.dagsMoving().contains(f.workflow()));
        // every plan weighed is there with its cost, the chosen one marked once
        assertThat(env.plans()).extracting(PlanOption::name).contains(PlanOption.KEEP, PlanOption.MOVE_ALL);
        assertThat(env.plans()).filteredOn(PlanOption::chosen).hasSize(1);
        assertThat(env.conditions().orElseThrow().summary()).contains("Keep MWAA instead if");
        assertThat(env.notes()).anyMatch(n -> n.contains("re-simulated"));
    }

    /* Every assumption says where it came from: the workload's own line for a value written there. */
    @Test
    void assumptionsNameTheWorkloadLineTheirValueWasWrittenOn() throws IOException {
        WorkflowInputs in = WorkflowInputs.read(List.of(Path.of("..", "examples")));
        Workload w = new WorkloadReader().read(Path.of("..", "examples", "workload.yaml")).workload().orElseThrow();
        List<dev.flowcost.advisor.StateMachineInput> machines = new ArrayList<>();
        for (var sm : in.stateMachines()) {
            machines.add(new StateMachineInput(sm.name(), sm.file(), sm.machine(), sm.declaredType(),
                    sm.definitionBytes(), sm.definition()));
        }
        Analysis a = Advisor.analyze(new AdvisorInput(machines, in.dags(), w, PriceBook.bundled(), Optional.empty(),
                List.of(), List.of()));
        Map<String, String> source = new LinkedHashMap<>();
        a.assumptions().forEach(x -> source.put(x.key(), x.source()));
        // examples/workload.yaml: line 6 "executionsPerMonth: 720", line 9 "items: {mean: 10000, ...}"
        assertThat(source.get("orders-inline-map.executionsPerMonth")).endsWith("workload.yaml:6").startsWith("workload ");
        assertThat(source.get("orders-inline-map.ChargeEach.items")).endsWith("workload.yaml:9");
        assertThat(source.get("etl_glue_s3.executionsPerMonth")).isEqualTo("schedule");
        assertThat(source.get("hoursPerMonth")).isEqualTo("default");
    }

    /** An hourly DAG of {@code tasks} Python tasks of {@code seconds} each, with an HTTP sensor first when blocked. */
    private static Dag dag(String id, int tasks, boolean blocked) {
        return dag(id, tasks, blocked, "PythonOperator", OperatorFamily.WORKER_CODE, false);
    }

    /** A DAG of {@code tasks} tasks of one operator, chained or side by side. */
    private static Dag dag(String id, int tasks, boolean blocked, String operator, OperatorFamily family,
                           boolean sideBySide) {
        List<DagTask> list = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        if (blocked) {
            DagTask s = DagTask.simple("wait_api", "HttpSensor", OperatorFamily.SENSOR);
            list.add(new DagTask(s.taskId(), s.operator(), s.operatorModule(), s.family(), s.line(), s.retries(),
                    s.retryDelaySeconds(), s.retryExponentialBackoff(), s.maxRetryDelaySeconds(),
                    s.executionTimeoutSeconds(), s.triggerRule(), s.pool(), s.poolSlots(),
                    Optional.of(new SensorSettings(SensorSettings.Mode.RESCHEDULE, OptionalDouble.empty(),
                            OptionalDouble.empty(), false)), s.mapped(), s.taskGroup(), s.role(), s.arguments(),
                    s.awsResource()));
        }
        for (int i = 0; i < tasks; i++) {
            list.add(DagTask.simple("t" + i, operator, family));
            if (i > 0 && !sideBySide) {
                edges.add(new Edge("t" + (i - 1), "t" + i));
            } else if (blocked) {
                edges.add(new Edge("wait_api", "t0"));
            }
        }
        return new Dag(id, id + ".py", 1, new Schedule(Schedule.Kind.PRESET, "@hourly"), Optional.empty(), false,
                OptionalInt.empty(), OptionalInt.empty(), Map.of(), List.of(), list, edges);
    }

    private static WorkflowWorkload seconds(Dag d, double each) {
        Map<String, StepWorkload> tasks = new LinkedHashMap<>();
        d.tasks().forEach(t -> tasks.put(t.taskId(), new StepWorkload(Optional.empty(), Map.of(), Map.of(),
                OptionalDouble.of(each), OptionalDouble.empty(), OptionalInt.empty())));
        return new WorkflowWorkload(Optional.empty(), OptionalDouble.empty(), OptionalInt.empty(), Map.of(), tasks);
    }

    /*
     * Ten hourly DAGs on an mw1.medium kept at 3 workers (730 h × $0.74 + 2 × 730 h × $0.11 + storage ≈ $702): eight
     * run three Athena queries of 20 minutes side by side (about 8 tasks running at any time, more than an mw1.micro
     * holds; on Step Functions a .sync integration: a few transitions a run), two wait
     * on an HTTP API first (no Step Functions equivalent). The eight leave (5 h of work each: 3 integrations, a
     * schedule, a cutover); the two stay, on the smallest class that holds them, which is far cheaper than the
     * mw1.medium (the exact search may keep one Athena DAG beside them when the small class still holds it and that
     * costs less); the plan says why they stay.
     */
    @Test
    void twoHardBlockedDagsStayOnASmallerEnvironment() {
        EnvironmentSpec env = new EnvironmentSpec("ten", "mw1.medium", 3, 5, 2, 2, 10, List.of("*"));
        List<Dag> dags = new ArrayList<>();
        Map<String, WorkflowWorkload> wl = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            Dag d = i >= 8 ? dag("d" + i, 3, true) : dag("d" + i, 3, false, "AthenaOperator", OperatorFamily.AWS_SERVICE, true);
            dags.add(d);
            wl.put(d.dagId(), seconds(d, i >= 8 ? 30 : 1200));
        }
        Analysis a = Advisor.analyze(new AdvisorInput(List.of(), dags, new Workload("us-east-1", 730, wl,
                Map.of(env.name(), env)), PriceBook.bundled(), Optional.empty(), List.of(), List.of()));
        EnvironmentAnalysis e = a.environments().get(0);
        PlanOption c = chosen(e);
        // the eight leave, or seven when the eighth fits beside the two on the smaller class for less
        assertThat(c.dagsMoving()).as(describe(e)).hasSizeBetween(7, 8).doesNotContain("d8", "d9");
        assertThat(c.classAfter()).isIn("mw1.small", "mw1.micro");
        assertThat(c.monthlyCostAfter()).isLessThan(e.monthlyCost());
        assertThat(e.verdict()).startsWith("downsize to ");
        assertThat(c.notes()).anyMatch(n -> n.contains("hard blocker") && n.contains("d8") && n.contains("HttpSensor"));
        assertThat(e.conditions().orElseThrow().decidingFeatures()).anyMatch(f -> f.startsWith("DAG d9 stays: "));
        assertThat(a.workflows().stream().filter(w -> w.name().equals("d9")).findFirst().orElseThrow().verdict())
                .contains(DagMigration.KEEP);
    }

    private static String describe(EnvironmentAnalysis e) {
        StringBuilder b = new StringBuilder(e.name() + " " + e.monthlyCost() + "\n");
        e.plans().forEach(p -> b.append(p.name()).append(' ').append(p.dagsMoving()).append(' ').append(p.classAfter())
                .append(' ').append(p.monthlyCostAfter()).append(' ').append(p.paybackMonths()).append(' ')
                .append(p.paysBack()).append(' ').append(p.notes()).append('\n'));
        e.notes().forEach(n -> b.append("  ").append(n).append('\n'));
        return b.toString();
    }

    /*
     * Five hourly DAGs of twelve 20-minute Python tasks side by side on an mw1.small of 1–2 workers (10 slots): runs
     * 12 minutes apart overlap, some 24 tasks want slots at once, so work queues at the maximum. The verdict is an action in words, found by re-simulation,
     * never an enum name.
     */
    @Test
    void aTooSmallEnvironmentGetsAnActionInWords() {
        EnvironmentSpec env = new EnvironmentSpec("tight", "mw1.small", 1, 2, 2, 2, 10, List.of("*"));
        List<Dag> dags = new ArrayList<>();
        Map<String, WorkflowWorkload> wl = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            Dag d = dag("w" + i, 12, false, "PythonOperator", OperatorFamily.WORKER_CODE, true);
            dags.add(d);
            wl.put(d.dagId(), seconds(d, 1200));
        }
        Analysis a = Advisor.analyze(new AdvisorInput(List.of(), dags, new Workload("us-east-1", 730, wl,
                Map.of(env.name(), env)), PriceBook.bundled(), Optional.empty(), List.of(), List.of()));
        EnvironmentAnalysis e = a.environments().get(0);
        String said = e.verdict() + " " + String.join(" ", e.notes());
        assertThat(said).doesNotContain("TOO_SMALL");
        // on Lambda the 60 twenty-minute tasks an hour cost more than the environment: keep, and say what to change
        assertThat(e.chosenPlan().orElseThrow().name()).isEqualTo(PlanOption.KEEP);
        assertThat(e.verdict()).startsWith("too small: raise maxWorkers from 2 to ").contains("a month, by re-simulation");
    }

    /*
     * A sensor with timeout=120 s and no duration in the workload waits the default 600 s, so every run fails: the
     * warning names the DAG's file and line, the reason and the fix, and the DAG's cost is marked uncertain.
     */
    @Test
    void aDagThatMostlyFailsIsFlaggedWithTheReason() {
        DagTask s = DagTask.simple("wait_stack", "CloudFormationCreateStackSensor", OperatorFamily.SENSOR);
        DagTask sensor = new DagTask(s.taskId(), s.operator(), s.operatorModule(), s.family(), 7, s.retries(),
                s.retryDelaySeconds(), s.retryExponentialBackoff(), s.maxRetryDelaySeconds(), s.executionTimeoutSeconds(),
                s.triggerRule(), s.pool(), s.poolSlots(), Optional.of(new SensorSettings(SensorSettings.Mode.POKE,
                OptionalDouble.of(30), OptionalDouble.of(120), false)), s.mapped(), s.taskGroup(), s.role(),
                s.arguments(), s.awsResource());
        DagTask load = DagTask.simple("load", "PythonOperator", OperatorFamily.WORKER_CODE);
        Dag d = new Dag("stack_wait", "stack_wait.py", 3, new Schedule(Schedule.Kind.PRESET, "@daily"), Optional.empty(),
                false, OptionalInt.empty(), OptionalInt.empty(), Map.of(), List.of(), List.of(sensor, load),
                List.of(new Edge("wait_stack", "load")));
        Analysis a = Advisor.analyze(new AdvisorInput(List.of(), List.of(d), Workload.defaults(), PriceBook.bundled(),
                Optional.empty(), List.of(), List.of()));
        assertThat(a.diagnostics()).anyMatch(x -> x.render().contains("stack_wait.py:3")
                && x.render().contains("[ADVICE-UNCERTAIN]") && x.render().contains("sensor wait_stack takes 600 s (default)")
                && x.render().contains("times out after 120 s") && x.render().contains("set durationSeconds for wait_stack"));
        WorkflowAnalysis w = a.workflows().get(0);
        assertThat(w.verdictReasons().get(0)).startsWith("cost uncertain: only 0 % of simulated runs succeed");
    }

    /*
     * Random environments (1–5 DAGs of 1–6 tasks, 10 s to 15 min each, some blocked, mw1.small to mw1.large),
     * simulated for real: the chosen plan never costs more than keeping; no plan that pays back is cheaper than the
     * chosen one; every plan's saving is now − after; marginal costs (the DAGs' MWAA alternative) are never
     * negative; the estate's totals agree and a DAG the plan moves keeps no finding of its own (no saving twice).
     */
    @Test
    void chosenPlansNeverCostMoreThanKeepingAndSavingsCountOnce() {
        String[] classes = {"mw1.small", "mw1.medium", "mw1.large"};
        qt().withExamples(12).forAll(integers().between(1, 5), integers().between(1, 6), integers().between(10, 900),
                integers().between(0, 14)).checkAssert((n, tasks, secs, shape) -> {
                    int cls = shape % 3;
                    int blocked = shape / 3;
                    EnvironmentSpec env = new EnvironmentSpec("env", classes[cls], 1, 4, 2, 2, 10, List.of("*"));
                    List<Dag> dags = new ArrayList<>();
                    Map<String, WorkflowWorkload> wl = new LinkedHashMap<>();
                    for (int i = 0; i < n; i++) {
                        Dag d = dag("p" + i, tasks, i < blocked);
                        dags.add(d);
                        wl.put(d.dagId(), seconds(d, secs * (i + 1) / (double) n));
                    }
                    Analysis a = Advisor.analyze(new AdvisorInput(List.of(), dags, new Workload("us-east-1", 730, wl,
                            Map.of(env.name(), env)), PriceBook.bundled(), Optional.empty(), List.of(), List.of()));
                    EnvironmentAnalysis e = a.environments().get(0);
                    PlanOption c = chosen(e);
                    assertThat(c.monthlyCostAfter()).isLessThanOrEqualTo(e.monthlyCost());
                    for (PlanOption p : e.plans()) {
                        assertThat(p.monthlySaving()).isEqualByComparingTo(e.monthlyCost().subtract(p.monthlyCostAfter()));
                        if (p.paysBack()) {
                            assertThat(p.monthlyCostAfter()).isGreaterThanOrEqualTo(c.monthlyCostAfter());
                        }
                    }
                    for (WorkflowAnalysis w : a.workflows()) {
                        w.alternatives().stream().filter(x -> x.platform().equals(DagMigration.MWAA))
                                .forEach(x -> assertThat(x.monthlyCost()).isNotNegative());
                    }
                    assertThat(a.findings()).noneMatch(f -> c.dagsMoving().contains(f.workflow()));
                    assertThat(a.totals().monthlySaving()).isEqualByComparingTo(
                            a.totals().monthlyCostNow().subtract(a.totals().monthlyCostAfter()));
                    assertThat(a.totals().monthlyCostAfter()).isNotNegative();
                    BigDecimal planSaving = a.findings().stream().filter(f -> f.rule().equals("environment-after-migration"))
                            .map(Finding::monthlySaving).reduce(BigDecimal.ZERO, BigDecimal::add);
                    assertThat(planSaving.round(MathContext.DECIMAL64)).isEqualByComparingTo(
                            c.name().equals(PlanOption.KEEP) ? BigDecimal.ZERO : c.monthlySaving().round(MathContext.DECIMAL64));
                });
    }
}
