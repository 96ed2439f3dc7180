package dev.flowcost.core.convert;

import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.DagTask;
import dev.flowcost.core.dag.Edge;
import dev.flowcost.core.dag.OperatorCatalog;
import dev.flowcost.core.dag.Schedule;
import dev.flowcost.core.dag.SensorSettings;
import dev.flowcost.core.dag.TriggerRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** Builds DAG models by hand for the conversion tests. */
final class TestDags {
    private final List<DagTask> tasks = new ArrayList<>();
    private final List<Edge> edges = new ArrayList<>();

    static TestDags dag() {
        return new TestDags();
    }

    TestDags task(String id, String operator) {
        return add(DagTask.simple(id, operator, OperatorCatalog.classify(operator)));
    }

    TestDags task(String id, String operator, Map<String, String> arguments) {
        DagTask s = DagTask.simple(id, operator, OperatorCatalog.classify(operator));
        return add(new DagTask(s.taskId(), s.operator(), "", s.family(), 0, 0, OptionalDouble.empty(), false,
                OptionalDouble.empty(), OptionalDouble.empty(), TriggerRule.ALL_SUCCESS, null, 1, Optional.empty(), false,
                Optional.empty(), DagTask.Role.NORMAL, arguments, Optional.empty()));
    }

    TestDags add(DagTask t) {
        tasks.add(t);
        return this;
    }

    /** Edges along the given ids: a >> b >> c. */
    TestDags chain(String... ids) {
        for (int i = 0; i + 1 < ids.length; i++) {
            edges.add(new Edge(ids[i], ids[i + 1]));
        }
        return this;
    }

    Dag build() {
        return new Dag("test_dag", "test_dag.py", 1, Schedule.none(), Optional.empty(), false, OptionalInt.empty(),
                OptionalInt.empty(), Map.of(), List.of(), tasks, edges);
    }

    static DagTask withRetries(String id, int retries, OptionalDouble delay, boolean exponential, OptionalDouble maxDelay,
                               OptionalDouble timeout) {
        return new DagTask(id, "PythonOperator", "", OperatorCatalog.classify("PythonOperator"), 0, retries, delay,
                exponential, maxDelay, timeout, TriggerRule.ALL_SUCCESS, null, 1, Optional.empty(), false,
                Optional.empty(), DagTask.Role.NORMAL, Map.of(), Optional.empty());
    }

    static DagTask withTriggerRule(String id, String operator, TriggerRule rule) {
        DagTask s = DagTask.simple(id, operator, OperatorCatalog.classify(operator));
        return new DagTask(id, operator, "", s.family(), 0, 0, OptionalDouble.empty(), false, OptionalDouble.empty(),
                OptionalDouble.empty(), rule, null, 1, Optional.empty(), false, Optional.empty(), DagTask.Role.NORMAL,
                Map.of(), Optional.empty());
    }

    static DagTask mapped(String id, String operator) {
        DagTask s = DagTask.simple(id, operator, OperatorCatalog.classify(operator));
        return new DagTask(id, operator, "", s.family(), 0, 0, OptionalDouble.empty(), false, OptionalDouble.empty(),
                OptionalDouble.empty(), TriggerRule.ALL_SUCCESS, null, 1, Optional.empty(), true, Optional.empty(),
                DagTask.Role.NORMAL, Map.of(), Optional.empty());
    }

    static DagTask sensor(String id, String operator, Map<String, String> arguments, double pokeSeconds) {
        return new DagTask(id, operator, "", OperatorCatalog.classify(operator), 0, 0, OptionalDouble.empty(), false,
                OptionalDouble.empty(), OptionalDouble.empty(), TriggerRule.ALL_SUCCESS, null, 1,
                Optional.of(new SensorSettings(SensorSettings.Mode.RESCHEDULE, OptionalDouble.of(pokeSeconds),
                        OptionalDouble.empty(), false)), false, Optional.empty(), DagTask.Role.NORMAL, arguments,
                Optional.empty());
    }
}
