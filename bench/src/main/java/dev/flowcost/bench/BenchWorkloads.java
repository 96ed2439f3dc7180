package dev.flowcost.bench;

import dev.flowcost.core.asl.AslReadResult;
import dev.flowcost.core.asl.AslReader;
import dev.flowcost.core.asl.ChoiceState;
import dev.flowcost.core.asl.MapState;
import dev.flowcost.core.asl.State;
import dev.flowcost.core.asl.StateMachine;
import dev.flowcost.core.asl.StatePaths;
import dev.flowcost.core.asl.TaskState;
import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.DagTask;
import dev.flowcost.core.workload.ItemCount;
import dev.flowcost.core.workload.StepWorkload;
import dev.flowcost.core.workload.WorkflowType;
import dev.flowcost.core.workload.WorkflowWorkload;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Workloads that give every state of a generated machine (or task of a generated DAG) a value, so the engines do
 * the full work (items on every Map, failures on every Task, weights on every Choice) rather than fall back to
 * defaults.
 */
public final class BenchWorkloads {

    private BenchWorkloads() {
    }

    /** Reads a generated definition; a generator bug (a definition with errors) fails the benchmark setup loudly. */
    public static StateMachine machine(String name, String json) {
        AslReadResult r = new AslReader().read(name, json.getBytes(StandardCharsets.UTF_8));
        if (r.hasErrors() || r.machine().isEmpty()) {
            throw new IllegalStateException("generated " + name + " does not read: " + r.diagnostics());
        }
        return r.machine().get();
    }

    /**
     * Items {@code items} on every Map, {@code failureRate} on every Task that has a Retry (as States.TaskFailed;
     * Tasks without one never fail, so executions mostly succeed and do their full work), 0.2 s on every Task,
     * and weights 0.3 (rule 0) / 0.7 (Default) on every Choice, so loops end.
     */
    public static WorkflowWorkload forMachine(StateMachine machine, long items, double failureRate) {
        Map<String, StepWorkload> states = new LinkedHashMap<>();
        for (Map.Entry<String, State> e : StatePaths.of(machine).entrySet()) {
            State s = e.getValue();
            if (s instanceof MapState) {
                states.put(e.getKey(), step(Optional.of(ItemCount.exactly(items)), Map.of(), Map.of(), 0));
            } else if (s instanceof TaskState t) {
                Map<String, Double> errors = t.retry().isEmpty() ? Map.of() : Map.of("States.TaskFailed", failureRate);
                states.put(e.getKey(), step(Optional.empty(), errors, Map.of(), 0.2));
            } else if (s instanceof ChoiceState) {
                states.put(e.getKey(), step(Optional.empty(), Map.of(), Map.of("0", 0.3, "Default", 0.7), 0));
            }
        }
        return new WorkflowWorkload(Optional.of(WorkflowType.STANDARD), OptionalDouble.of(720), OptionalInt.empty(),
                states, Map.of());
    }

    /** Durations of 30 to 300 seconds and a 2% failure rate on every task of the DAG. */
    public static WorkflowWorkload forDag(Dag dag) {
        Map<String, StepWorkload> tasks = new LinkedHashMap<>();
        int i = 0;
        for (DagTask t : dag.tasks()) {
            tasks.put(t.taskId(), step(Optional.empty(), Map.of("States.TaskFailed", 0.02), Map.of(),
                    30 + (i++ * 37) % 271));
        }
        return new WorkflowWorkload(Optional.empty(), OptionalDouble.empty(), OptionalInt.empty(), Map.of(), tasks);
    }

    private static StepWorkload step(Optional<ItemCount> items, Map<String, Double> errors,
                                     Map<String, Double> branches, double durationSeconds) {
        return new StepWorkload(items, errors, branches,
                durationSeconds > 0 ? OptionalDouble.of(durationSeconds) : OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalInt.empty());
    }
}
