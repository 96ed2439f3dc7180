package dev.flowcost.core.dag.python.airflow;

import dev.flowcost.core.dag.DagTask;
import dev.flowcost.core.dag.python.eval.PyObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Airflow values besides DAGs, groups and tasks ({@link DagModel}) that a DAG file passes around. */
final class AirflowValues {

    private AirflowValues() {
    }

    /** A Dataset / Asset (or a combination of them) used as a schedule. */
    record DatasetRef(String text) implements PyObject {
        @Override
        public String repr() {
            return text;
        }
    }

    /** What decorators made a function: a TaskFlow task, a @dag, a @task_group, or nothing. */
    record Decoration(Kind kind, String operator, String module, Map<String, Object> kwargs, DagTask.Role role) {
        enum Kind { PLAIN, TASK, DAG, TASK_GROUP }

        static final Decoration PLAIN = new Decoration(Kind.PLAIN, "", "", Map.of(), DagTask.Role.NORMAL);

        Decoration with(Map<String, Object> more) {
            Map<String, Object> m = new LinkedHashMap<>(kwargs);
            m.putAll(more);
            return new Decoration(kind, operator, module, m, role);
        }
    }

    /** {@code Op.partial(...)} or {@code task_fn.partial(...)} waiting for {@code .expand(...)}. */
    record Partial(Object callee, Map<String, Object> kwargs, int line) {
    }

    /** Several XCom producers combined ({@code a.zip(b)}); indexing it still pulls from the same tasks. */
    record XComGroup(List<Object> refs) implements PyObject {
        @Override
        public Object subscript(boolean slice) {
            return slice ? null : this;
        }
    }

    /** {@code a >> Label("x")}: remembers the upstream side until the next {@code >>}. */
    record Through(Object upstream) {
    }
}
