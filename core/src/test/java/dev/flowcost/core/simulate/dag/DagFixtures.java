package dev.flowcost.core.simulate.dag;

import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.DagTask;
import dev.flowcost.core.dag.Edge;
import dev.flowcost.core.dag.OperatorFamily;
import dev.flowcost.core.dag.Schedule;
import dev.flowcost.core.dag.SensorSettings;
import dev.flowcost.core.dag.TriggerRule;
import dev.flowcost.core.workload.ItemCount;
import dev.flowcost.core.workload.StepWorkload;
import dev.flowcost.core.workload.WorkflowWorkload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** Small builders for DAGs and workloads in tests (the DAG readers are written elsewhere). */
final class DagFixtures {

    private DagFixtures() {
    }

    static DagTask task(String id) {
        return DagTask.simple(id, "PythonOperator", OperatorFamily.WORKER_CODE);
    }

    static DagTask task(String id, OperatorFamily family) {
        return DagTask.simple(id, family.name(), family);
    }

    static DagTask withRule(DagTask t, TriggerRule rule) {
        return new DagTask(t.taskId(), t.operator(), t.operatorModule(), t.family(), t.line(), t.retries(),
                t.retryDelaySeconds(), t.retryExponentialBackoff(), t.maxRetryDelaySeconds(),
                t.executionTimeoutSeconds(), rule, t.pool(), t.poolSlots(), t.sensor(), t.mapped(), t.taskGroup(),
                t.role(), t.arguments(), t.awsResource());
    }

    static DagTask withRetries(DagTask t, int retries, double delay, boolean exponential, Double maxDelay) {
        return new DagTask(t.taskId(), t.operator(), t.operatorModule(), t.family(), t.line(), retries,
                OptionalDouble.of(delay), exponential,
                maxDelay == null ? OptionalDouble.empty() : OptionalDouble.of(maxDelay),
                t.executionTimeoutSeconds(), t.triggerRule(), t.pool(), t.poolSlots(), t.sensor(), t.mapped(),
                t.taskGroup(), t.role(), t.arguments(), t.awsResource());
    }

    static DagTask withPool(DagTask t, String pool) {
        return new DagTask(t.taskId(), t.operator(), t.operatorModule(), t.family(), t.line(), t.retries(),
                t.retryDelaySeconds(), t.retryExponentialBackoff(), t.maxRetryDelaySeconds(),
                t.executionTimeoutSeconds(), t.triggerRule(), pool, t.poolSlots(), t.sensor(), t.mapped(),
                t.taskGroup(), t.role(), t.arguments(), t.awsResource());
    }

    static DagTask mapped(DagTask t) {
        return new DagTask(t.taskId(), t.operator(), t.operatorModule(), t.family(), t.line(), t.retries(),
                t.retryDelaySeconds(), t.retryExponentialBackoff(), t.maxRetryDelaySeconds(),
                t.executionTimeoutSeconds(), t.triggerRule(), t.pool(), t.poolSlots(), t.sensor(), true,
                t.taskGroup(), t.role(), t.arguments(), t.awsResource());
    }

    static DagTask sensor(String id, SensorSettings.Mode mode, double pokeInterval, boolean deferrable) {
        DagTask t = DagTask.simple(id, "S3KeySensor", OperatorFamily.SENSOR);
        return new DagTask(t.taskId(), t.operator(), t.operatorModule(), t.family(), t.line(), t.retries(),
                t.retryDelaySeconds(), t.retryExponentialBackoff(), t.maxRetryDelaySeconds(),
                t.executionTimeoutSeconds(), t.triggerRule(), t.pool(), t.poolSlots(),
                Optional.of(new SensorSettings(mode, OptionalDouble.of(pokeInterval), OptionalDouble.empty(),
                        deferrable)), false, t.taskGroup(), t.role(), t.arguments(), t.awsResource());
    }

    static Dag dag(String id, List<DagTask> tasks, String... edges) {
        List<Edge> es = new ArrayList<>();
        for (String e : edges) {
            String[] p = e.split(">");
            es.add(new Edge(p[0].trim(), p[1].trim()));
        }
        return new Dag(id, id + ".py", 1, Schedule.none(), Optional.empty(), false, OptionalInt.empty(),
                OptionalInt.empty(), Map.of(), List.of(), tasks, es);
    }

    static Dag dag(String id, List<DagTask> tasks, List<Edge> edges) {
        return new Dag(id, id + ".py", 1, Schedule.none(), Optional.empty(), false, OptionalInt.empty(),
                OptionalInt.empty(), Map.of(), List.of(), tasks, edges);
    }

    static StepWorkload seconds(double s) {
        return new StepWorkload(Optional.empty(), Map.of(), Map.of(), OptionalDouble.of(s), OptionalDouble.empty(),
                OptionalInt.empty());
    }

    static StepWorkload step(double s, double failureRate) {
        return new StepWorkload(Optional.empty(), Map.of("States.TaskFailed", failureRate), Map.of(),
                OptionalDouble.of(s), OptionalDouble.empty(), OptionalInt.empty());
    }

    static StepWorkload items(long n, double s) {
        return new StepWorkload(Optional.of(ItemCount.exactly(n)), Map.of(), Map.of(), OptionalDouble.of(s),
                OptionalDouble.empty(), OptionalInt.empty());
    }

    static StepWorkload branches(Map<String, Double> weights) {
        return new StepWorkload(Optional.empty(), Map.of(), weights, OptionalDouble.of(5), OptionalDouble.empty(),
                OptionalInt.empty());
    }

    /** Workload from alternating task id, StepWorkload. */
    static WorkflowWorkload workload(Object... pairs) {
        Map<String, StepWorkload> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (StepWorkload) pairs[i + 1]);
        }
        return new WorkflowWorkload(Optional.empty(), OptionalDouble.empty(), OptionalInt.empty(), Map.of(), m);
    }
}
