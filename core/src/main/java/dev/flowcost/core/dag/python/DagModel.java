package dev.flowcost.core.dag.python;

import dev.flowcost.core.dag.DagTask;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mutable picture of DAGs, task groups and tasks the interpreter builds while it walks a file. It is turned into
 * immutable {@link dev.flowcost.core.dag.Dag} records by {@link DagAssembler} once the whole file has been read.
 */
final class DagModel {

    /** A DAG being built. */
    static final class DagB {
        String dagId;
        final int line;
        final Map<String, Object> kwargs;
        final Map<String, TaskB> tasks = new LinkedHashMap<>();
        final Map<String, Integer> suffixes = new java.util.HashMap<>();

        DagB(String dagId, int line, Map<String, Object> kwargs) {
            this.dagId = dagId;
            this.line = line;
            this.kwargs = kwargs;
        }
    }

    /** A TaskGroup being built. */
    static final class GroupB {
        final String label;
        final GroupB parent;
        final boolean prefix;
        final DagB dag;
        final int line;
        final Object defaultArgs;

        GroupB(String label, GroupB parent, boolean prefix, DagB dag, int line, Object defaultArgs) {
            this.label = label;
            this.parent = parent;
            this.prefix = prefix;
            this.dag = dag;
            this.line = line;
            this.defaultArgs = defaultArgs;
        }

        /** The group's full id, as Airflow builds it from its parents. */
        String groupId() {
            if (parent != null && parent.prefix && parent.label != null) {
                return parent.childId(label);
            }
            return label;
        }

        String childId(String child) {
            return prefix && label != null ? groupId() + "." + child : child;
        }

        boolean contains(GroupB g) {
            for (GroupB x = g; x != null; x = x.parent) {
                if (x == this) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A task being built. */
    static final class TaskB {
        String taskId;
        final String operator;
        final String module;
        final int line;
        final Map<String, Object> kwargs;
        DagB dag;
        final GroupB group;
        DagTask.Role role;
        boolean mapped;

        TaskB(String taskId, String operator, String module, int line, Map<String, Object> kwargs, DagB dag, GroupB group,
              DagTask.Role role, boolean mapped) {
            this.taskId = taskId;
            this.operator = operator;
            this.module = module;
            this.line = line;
            this.kwargs = kwargs;
            this.dag = dag;
            this.group = group;
            this.role = role;
            this.mapped = mapped;
        }
    }

    /** A dependency as written; either end may be a task or a group. */
    record RawEdge(Object upstream, Object downstream, int line) {
    }

    final List<DagB> dags = new ArrayList<>();
    final List<TaskB> orphans = new ArrayList<>();
    final List<GroupB> groups = new ArrayList<>();
    final List<RawEdge> edges = new ArrayList<>();
    int taskCount;
    /** The file imports from {@code airflow.sdk}, which only Airflow 3 has: its defaults apply. */
    boolean airflow3;
}
