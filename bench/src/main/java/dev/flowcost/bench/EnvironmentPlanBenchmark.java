package dev.flowcost.bench;

import dev.flowcost.advisor.Advisor;
import dev.flowcost.advisor.AdvisorInput;
import dev.flowcost.advisor.analysis.Analysis;
import dev.flowcost.advisor.price.PriceBook;
import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.DagReadResult;
import dev.flowcost.core.dag.DagTask;
import dev.flowcost.core.dag.python.PythonDagReader;
import dev.flowcost.core.workload.EnvironmentSpec;
import dev.flowcost.core.workload.StepWorkload;
import dev.flowcost.core.workload.WorkflowWorkload;
import dev.flowcost.core.workload.Workload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Issue target: the plans for an MWAA environment of 200 DAGs of 30 tasks, 730 runs each, within 10 s on 2 cores.
 * One call is the whole advice for the environment ({@link Advisor#analyze}): its simulated month, every DAG's run
 * simulation, conversion and alternatives, the re-simulated marginal costs and every plan with its re-simulations.
 * Task durations are 6 to 60 s (2 % failures) so the month fits an mw1.large of 1–10 workers within Airflow's
 * default pool of 128 slots.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EnvironmentPlanBenchmark {

    public static final int DAGS = 200;
    public static final int TASKS = 30;

    private AdvisorInput input;

    @Setup
    public void setUp() {
        PythonDagReader reader = new PythonDagReader();
        List<Dag> dags = new ArrayList<>();
        Map<String, WorkflowWorkload> workflows = new LinkedHashMap<>();
        for (int i = 0; i < DAGS; i++) {
            DagReadResult r = reader.read(DagSourceGenerator.dagId(i) + ".py", DagSourceGenerator.source(i, TASKS));
            if (r.hasErrors() || r.dags().size() != 1 || r.dags().get(0).tasks().size() != TASKS) {
                throw new IllegalStateException("generated DAG " + i + " does not read: " + r.diagnostics());
            }
            Dag dag = r.dags().get(0);
            dags.add(dag);
            Map<String, StepWorkload> tasks = new LinkedHashMap<>();
            int k = 0;
            for (DagTask t : dag.tasks()) {
                tasks.put(t.taskId(), new StepWorkload(Optional.empty(), Map.of("States.TaskFailed", 0.02), Map.of(),
                        OptionalDouble.of(6 + (k++ * 7) % 55), OptionalDouble.empty(), OptionalInt.empty()));
            }
            // 730 runs a month each (the generator's DAGs are hourly)
            workflows.put(dag.dagId(), new WorkflowWorkload(Optional.empty(), OptionalDouble.of(730), OptionalInt.empty(),
                    Map.of(), tasks));
        }
        EnvironmentSpec env = new EnvironmentSpec("bench-env", "mw1.large", 1, 10, 2, 2, 10, List.of("*"));
        Workload workload = new Workload("us-east-1", 730, workflows, Map.of(env.name(), env));
        input = new AdvisorInput(List.of(), dags, workload, PriceBook.bundled(), Optional.empty(), List.of(), List.of());
    }

    @Benchmark
    public Analysis plans() {
        Analysis a = Advisor.analyze(input);
        if (a.environments().size() != 1 || a.environments().get(0).plans().isEmpty()) {
            throw new IllegalStateException("no plans for the environment");
        }
        return a;
    }
}
