package dev.flowcost.bench;

import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.DagReadResult;
import dev.flowcost.core.dag.python.PythonDagReader;
import dev.flowcost.core.simulate.dag.DagSchedule;
import dev.flowcost.core.simulate.dag.EnvironmentMonthResult;
import dev.flowcost.core.simulate.dag.EnvironmentSimulator;
import dev.flowcost.core.workload.EnvironmentSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Issue target: simulating a month (730 hourly runs each) of 50 DAGs of 30 tasks on one MWAA environment takes
 * under 1 s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EnvironmentMonthBenchmark {

    public static final int DAGS = 50;
    public static final int TASKS = 30;
    public static final double RUNS_PER_MONTH = 730;

    private EnvironmentSpec environment;
    private List<DagSchedule> schedules;
    private long seed;

    @Setup
    public void setUp() {
        schedules = new ArrayList<>();
        PythonDagReader reader = new PythonDagReader();
        for (int i = 0; i < DAGS; i++) {
            DagReadResult r = reader.read(DagSourceGenerator.dagId(i) + ".py", DagSourceGenerator.source(i, TASKS));
            if (r.hasErrors() || r.dags().size() != 1) {
                throw new IllegalStateException("generated DAG " + i + " does not read: " + r.diagnostics());
            }
            Dag dag = r.dags().get(0);
            schedules.add(new DagSchedule(dag, BenchWorkloads.forDag(dag), RUNS_PER_MONTH));
        }
        environment = new EnvironmentSpec("bench-env", "mw1.medium", 1, 10, 2, 2, 10, List.of("*"));
    }

    @Benchmark
    public EnvironmentMonthResult simulateMonth() {
        return new EnvironmentSimulator().simulate(environment, schedules, seed++);
    }
}
