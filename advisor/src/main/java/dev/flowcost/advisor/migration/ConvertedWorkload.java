package dev.flowcost.advisor.migration;

import dev.flowcost.core.asl.MapState;
import dev.flowcost.core.asl.State;
import dev.flowcost.core.asl.StateMachine;
import dev.flowcost.core.asl.StatePaths;
import dev.flowcost.core.convert.DagToAslConverter;
import dev.flowcost.core.dag.OperatorFamily;
import dev.flowcost.core.simulate.dag.TaskDurationDefaults;
import dev.flowcost.core.workload.StepWorkload;
import dev.flowcost.core.workload.WorkflowType;
import dev.flowcost.core.workload.WorkflowWorkload;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The workload of a converted state machine, derived from the DAG's task workload so the exact analyzer counts the
 * transitions the DAG's runs would make: each task's duration and failure rates on the state the converter named
 * after it (the task_id, or the inner {@code <task>.item} state of a mapped task's Map, which gets the task's items),
 * and for an S3 key sensor's headObject poll loop, the S3.NoSuchKey probability that makes its expected polls equal
 * wait / poke interval + 1.
 */
final class ConvertedWorkload {

    private ConvertedWorkload() {
    }

    static WorkflowWorkload of(StateMachine machine, WorkflowWorkload dagWorkload, List<TaskProfile> profiles,
                               double runsPerMonth) {
        Map<String, String> pathByName = new HashMap<>();
        Map<String, State> states = StatePaths.of(machine);
        for (Map.Entry<String, State> e : states.entrySet()) {
            pathByName.putIfAbsent(e.getValue().name(), e.getKey());
        }
        Map<String, StepWorkload> out = new LinkedHashMap<>();
        for (TaskProfile p : profiles) {
            String name = p.taskId().length() > DagToAslConverter.MAX_NAME
                    ? p.taskId().substring(0, DagToAslConverter.MAX_NAME) : p.taskId();
            String path = pathByName.get(name);
            if (path == null) {
                continue;
            }
            StepWorkload w = dagWorkload.task(p.taskId()).orElse(StepWorkload.empty());
            State s = states.get(path);
            if (s instanceof MapState m) {
                out.put(path, new StepWorkload(w.items(), Map.of(), Map.of(), OptionalDouble.empty(), OptionalDouble.empty(),
                        OptionalInt.empty()));
                String inner = path + "/" + m.processor().startAt();
                out.put(inner, new StepWorkload(Optional.empty(), w.errors(), Map.of(), OptionalDouble.of(p.durationSeconds()),
                        w.p95Seconds(), w.memoryMb()));
            } else if (p.family() == OperatorFamily.SENSOR && Blockers.isS3KeySensor(p.task().operator())) {
                double poke = p.task().sensor().flatMap(x -> x.pokeIntervalSeconds().isPresent()
                        ? Optional.of(x.pokeIntervalSeconds().getAsDouble()) : Optional.<Double>empty())
                        .orElse(TaskDurationDefaults.POKE_INTERVAL_SECONDS);
                double polls = p.durationSeconds() / Math.max(1, poke) + 1;
                double notYet = 1 - 1 / polls;
                out.put(path, new StepWorkload(Optional.empty(), notYet > 0 ? Map.of("S3.NoSuchKey", notYet) : Map.of(),
                        Map.of(), OptionalDouble.of(1), OptionalDouble.empty(), OptionalInt.empty()));
            } else {
                out.put(path, new StepWorkload(Optional.empty(), w.errors(), Map.of(), OptionalDouble.of(p.durationSeconds()),
                        w.p95Seconds(), w.memoryMb()));
            }
        }
        return new WorkflowWorkload(Optional.of(WorkflowType.STANDARD), OptionalDouble.of(runsPerMonth), OptionalInt.empty(),
                out, Map.of());
    }
}
