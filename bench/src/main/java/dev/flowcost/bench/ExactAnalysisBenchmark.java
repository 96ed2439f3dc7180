package dev.flowcost.bench;

import dev.flowcost.core.asl.StateMachine;
import dev.flowcost.core.asl.StatePaths;
import dev.flowcost.core.simulate.ExactAnalyzer;
import dev.flowcost.core.simulate.ExactResult;
import dev.flowcost.core.workload.WorkflowWorkload;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Issue target: exact analysis of a 200-state machine with Maps nested three deep takes under 1 ms warm, and its
 * cost does not depend on the items per Map (10 and 10,000,000 take the same time).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ExactAnalysisBenchmark {

    @Param({"10", "10000000"})
    public long items;

    private StateMachine machine;
    private WorkflowWorkload workload;

    @Setup
    public void setUp() {
        machine = BenchWorkloads.machine("nested-200.asl.json", AslGenerator.nestedMachine(200));
        int states = StatePaths.of(machine).size();
        if (states < 190 || states > 220) {
            throw new IllegalStateException("expected about 200 states, generated " + states);
        }
        workload = BenchWorkloads.forMachine(machine, items, 0.05);
        ExactResult r = ExactAnalyzer.analyze(machine, workload);
        if (r.hasErrors()) {
            throw new IllegalStateException("exact analysis failed: " + r.diagnostics());
        }
    }

    @Benchmark
    public ExactResult analyze() {
        return ExactAnalyzer.analyze(machine, workload);
    }
}
