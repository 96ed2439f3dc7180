package dev.flowcost.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowcost.advisor.analysis.Analysis;
import dev.flowcost.advisor.analysis.EnvironmentAnalysis;
import dev.flowcost.advisor.analysis.WorkflowAnalysis;
import dev.flowcost.advisor.migration.DagMigration;
import dev.flowcost.advisor.price.PriceBook;
import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.DagTask;
import dev.flowcost.core.dag.Edge;
import dev.flowcost.core.dag.OperatorFamily;
import dev.flowcost.core.dag.Schedule;
import dev.flowcost.core.dag.python.PythonDagReader;
import dev.flowcost.core.workload.EnvironmentSpec;
import dev.flowcost.core.workload.StepWorkload;
import dev.flowcost.core.workload.Workload;
import dev.flowcost.core.workload.WorkflowWorkload;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The seed's reflection case, end to end through {@link Advisor#analyze}: a 15-task hourly DAG alone on an mw1.small
 * environment (about $400 a month) should move, and the environment go; the same DAG sharing the environment with 40
 * busy DAGs should stay, because moving it saves only its small marginal cost.
 */
class ReflectionCaseTest {

    private static Dag reflectionDag() throws IOException {
        var read = new PythonDagReader().read(Path.of("src/test/resources/migration/reflection-15-tasks-hourly.py"));
        assertThat(read.dags()).hasSize(1);
        Dag dag = read.dags().get(0);
        assertThat(dag.tasks()).hasSize(15);
        return dag;
    }

    private static Workload workload(EnvironmentSpec env) {
        return new Workload("us-east-1", 730, Map.of(), Map.of(env.name(), env));
    }

    @Test
    void aloneOnMw1SmallTheDagMovesAndTheEnvironmentGoes() throws IOException {
        EnvironmentSpec env = new EnvironmentSpec("solo", "mw1.small", 1, 5, 2, 2, 10, List.of("*"));
        Analysis a = Advisor.analyze(new AdvisorInput(List.of(), List.of(reflectionDag()), workload(env),
                PriceBook.bundled(), Optional.empty(), List.of(), List.of()));
        WorkflowAnalysis w = a.workflows().get(0);
        EnvironmentAnalysis e = a.environments().get(0);
        // mw1.small 730 h = $357.70, plus storage and any extra workers: "about $400 a month"
        assertThat(e.monthlyCost()).isBetween(new java.math.BigDecimal("357.70"), new java.math.BigDecimal("450"));
        assertThat(w.executionsPerMonth()).isEqualByComparingTo("730");
        assertThat(w.verdict()).contains(DagMigration.MOVE_TO_STEP_FUNCTIONS);
        assertThat(w.verdictReasons()).anyMatch(r -> r.startsWith("alone on environment solo"));
        assertThat(e.monthlyCostAfter()).isEqualByComparingTo("0");
        assertThat(e.verdict()).isEqualTo("decommission");
        assertThat(a.totals().monthlySaving()).isGreaterThan(new java.math.BigDecimal("300"));
        assertThat(a.findings()).anyMatch(f -> f.isSaving() && f.workflow().equals("solo"));
        // the work (15 tasks, a schedule, a cutover, the decommissioning) pays back well inside a year
        var plan = e.chosenPlan().orElseThrow();
        assertThat(plan.dagsMoving()).containsExactly("reflection_report");
        assertThat(plan.paybackMonths().orElseThrow()).isLessThan(new java.math.BigDecimal("9"));
    }

    @Test
    void sharedWithFortyBusyDagsTheSameDagStays() throws IOException {
        EnvironmentSpec env = new EnvironmentSpec("shared", "mw1.small", 1, 10, 2, 2, 10, List.of("*"));
        List<Dag> dags = new ArrayList<>();
        dags.add(reflectionDag());
        Map<String, WorkflowWorkload> workflows = new LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            Dag busy = busyDag("busy_" + i);
            dags.add(busy);
            Map<String, StepWorkload> tasks = new LinkedHashMap<>();
            busy.tasks().forEach(t -> tasks.put(t.taskId(), new StepWorkload(Optional.empty(), Map.of(), Map.of(),
                    OptionalDouble.of(600), OptionalDouble.empty(), OptionalInt.empty())));
            workflows.put(busy.dagId(), new WorkflowWorkload(Optional.empty(), OptionalDouble.empty(), OptionalInt.empty(),
                    Map.of(), tasks));
        }
        Workload wl = new Workload("us-east-1", 730, workflows, Map.of(env.name(), env));
        Analysis a = Advisor.analyze(new AdvisorInput(List.of(), dags, wl, PriceBook.bundled(), Optional.empty(),
                List.of(), List.of()));
        WorkflowAnalysis w = a.workflows().stream().filter(x -> x.name().equals("reflection_report")).findFirst().orElseThrow();
        assertThat(w.verdict()).contains(DagMigration.KEEP);
        assertThat(w.verdictReasons()).anyMatch(r -> r.contains("marginal cost"));
        assertThat(a.environments().get(0).verdict()).isNotEqualTo("decommission");
        // no plan that moves the 15-task DAG is chosen: its saving does not pay back the work
        assertThat(a.environments().get(0).chosenPlan().orElseThrow().dagsMoving()).doesNotContain("reflection_report");
    }

    /** An hourly DAG of 4 tasks of 10 minutes each (the workload gives the durations): work that keeps workers busy. */
    private static Dag busyDag(String id) {
        List<DagTask> tasks = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tasks.add(DagTask.simple("t" + i, "PythonOperator", OperatorFamily.WORKER_CODE));
            if (i > 0) {
                edges.add(new Edge("t0", "t" + i));
            }
        }
        return new Dag(id, id + ".py", 1, new Schedule(Schedule.Kind.PRESET, "@hourly"), Optional.empty(), false,
                OptionalInt.empty(), OptionalInt.empty(), Map.of(), List.of(), tasks, edges);
    }
}
