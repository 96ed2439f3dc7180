package dev.flowcost.core.count;

import dev.flowcost.core.asl.MapState;
import dev.flowcost.core.asl.State;
import dev.flowcost.core.asl.StateMachine;
import dev.flowcost.core.asl.StatePaths;
import dev.flowcost.core.convert.DagToAslConverter;
import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.DagTask;
import dev.flowcost.core.dag.OperatorCatalog;
import dev.flowcost.core.dag.OperatorFamily;
import dev.flowcost.core.simulate.dag.TaskDurationDefaults;
import dev.flowcost.core.usage.WorkflowUsage;
import dev.flowcost.core.workload.StepWorkload;
import dev.flowcost.core.workload.WorkflowType;
import dev.flowcost.core.workload.WorkflowWorkload;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The workload of a converted state machine, derived from the DAG's task workload so the exact analyzer counts the
 * transitions the DAG's runs would make: each task's duration (as {@link WorkflowUsage#taskSeconds} resolves it) and
 * failure rates on the state the converter named after it (the task_id, or the inner state of a mapped task's Map,
 * which gets the task's items), and for an S3 key sensor's headObject poll loop, the S3.NoSuchKey probability that
 * makes its expected polls equal wait / poke interval + 1.
 */
public final class DraftWorkload {

    private DraftWorkload() {
    }

    /** The draft's workload for {@code machine}, converted from {@code dag} with {@code dagWorkload}. */
    public static WorkflowWorkload of(StateMachine machine, Dag dag, WorkflowWorkload dagWorkload, double runsPerMonth) {
        Map<String, String> pathByName = new HashMap<>();
        Map<String, State> states = StatePaths.of(machine);
        for (Map.Entry<String, State> e : states.entrySet()) {
            pathByName.putIfAbsent(e.getValue().name(), e.getKey());
        }
        WorkflowUsage usage = WorkflowUsage.of(dagWorkload);
        Map<String, StepWorkload> out = new LinkedHashMap<>();
        for (DagTask t : dag.tasks()) {
            String name = t.taskId().length() > DagToAslConverter.MAX_NAME
                    ? t.taskId().substring(0, DagToAslConverter.MAX_NAME) : t.taskId();
            String path = pathByName.get(name);
            if (path == null) {
                continue;
            }
            double seconds = Math.max(0, usage.taskSeconds(t.taskId(), t.family()).value());
            StepWorkload w = dagWorkload.task(t.taskId()).orElse(StepWorkload.empty());
            State s = states.get(path);
            if (s instanceof MapState m) {
                out.put(path, new StepWorkload(w.items(), Map.of(), Map.of(), OptionalDouble.empty(), OptionalDouble.empty(),
                        OptionalInt.empty()));
                String inner = path + "/" + m.processor().startAt();
                out.put(inner, new StepWorkload(Optional.empty(), w.errors(), Map.of(), OptionalDouble.of(seconds),
                        w.p95Seconds(), w.memoryMb()));
            } else if (t.family() == OperatorFamily.SENSOR && isS3KeySensor(t.operator())) {
                double poke = t.sensor().flatMap(x -> x.pokeIntervalSeconds().isPresent()
                        ? Optional.of(x.pokeIntervalSeconds().getAsDouble()) : Optional.<Double>empty())
                        .orElse(TaskDurationDefaults.POKE_INTERVAL_SECONDS);
                double polls = seconds / Math.max(1, poke) + 1;
                double notYet = 1 - 1 / polls;
                out.put(path, new StepWorkload(Optional.empty(), notYet > 0 ? Map.of("S3.NoSuchKey", notYet) : Map.of(),
                        Map.of(), OptionalDouble.of(1), OptionalDouble.empty(), OptionalInt.empty()));
            } else {
                out.put(path, new StepWorkload(Optional.empty(), w.errors(), Map.of(), OptionalDouble.of(seconds),
                        w.p95Seconds(), w.memoryMb()));
            }
        }
        return new WorkflowWorkload(Optional.of(WorkflowType.STANDARD), OptionalDouble.of(runsPerMonth), OptionalInt.empty(),
                out, Map.of());
    }

    /** An S3 key sensor (S3KeySensor, S3KeySensorAsync...): the converter polls it with headObject. */
    public static boolean isS3KeySensor(String operator) {
        String s = operator == null ? "" : operator.trim();
        int dot = s.lastIndexOf('.');
        String n = dot >= 0 && !s.startsWith("@") ? s.substring(dot + 1) : s;
        return OperatorCatalog.awsService(operator).orElse("").equals("s3") && n.startsWith("S3Key");
    }
}
