package dev.flowcost.bench;

import dev.flowcost.core.dag.DagReadResult;
import dev.flowcost.core.dag.python.PythonDagReader;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Issue target: reading 1,000 Python DAG files of 50 tasks each (with DAG and {@code >>} chains over lists,
 * TaskGroups, for loops, module-level DAGs with default_args) takes under 2 s warm.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DagReadBenchmark {

    public static final int FILES = 1_000;
    public static final int TASKS = 50;

    private String[] sources;
    private String[] names;

    @Setup
    public void setUp() {
        sources = new String[FILES];
        names = new String[FILES];
        for (int i = 0; i < FILES; i++) {
            names[i] = DagSourceGenerator.dagId(i) + ".py";
            sources[i] = DagSourceGenerator.source(i, TASKS);
            DagReadResult r = new PythonDagReader().read(names[i], sources[i]);
            if (r.hasErrors() || r.dags().size() != 1 || r.dags().get(0).tasks().size() != TASKS) {
                throw new IllegalStateException("generated " + names[i] + " does not read as one DAG of " + TASKS
                        + " tasks: " + r.diagnostics() + " " + r.dags().stream().map(d -> d.tasks().size()).toList());
            }
        }
    }

    @Benchmark
    public void readAll1000(Blackhole bh) {
        PythonDagReader reader = new PythonDagReader();
        for (int i = 0; i < FILES; i++) {
            bh.consume(reader.read(names[i], sources[i]));
        }
    }
}
