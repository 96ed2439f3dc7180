package dev.flowcost.bench;

import dev.flowcost.core.asl.StateMachine;
import dev.flowcost.core.simulate.MonteCarloResult;
import dev.flowcost.core.simulate.MonteCarloSimulator;
import dev.flowcost.core.workload.WorkflowWorkload;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Issue target: 100,000 Monte Carlo executions of a machine whose inline Map runs 10,000 items, each iteration a
 * Task with Retry failing 5% of attempts, a Choice and a Task, take under 2 s on 2 cores. One call is one whole
 * simulation, so each is timed as a single shot.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MonteCarloBenchmark {

    public static final long EXECUTIONS = 100_000;
    public static final long ITEMS = 10_000;

    private StateMachine machine;
    private WorkflowWorkload workload;
    private long seed;

    @Setup
    public void setUp() {
        machine = BenchWorkloads.machine("map-10000-items.asl.json", AslGenerator.mapIterationMachine());
        workload = BenchWorkloads.forMachine(machine, ITEMS, 0.05);
    }

    @Benchmark
    public MonteCarloResult simulate() {
        return MonteCarloSimulator.simulate(machine, workload, EXECUTIONS, seed++);
    }
}
