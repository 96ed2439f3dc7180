package dev.flowcost.core.dag.python.airflow;

import dev.flowcost.core.DiagnosticCode;
import dev.flowcost.core.dag.DagTask;
import dev.flowcost.core.dag.python.airflow.AirflowValues.XComGroup;
import dev.flowcost.core.dag.python.eval.Args;
import dev.flowcost.core.dag.python.eval.Evaluator;
import dev.flowcost.core.dag.python.eval.PyObject;
import dev.flowcost.core.dag.python.eval.PyValues.PyDict;
import dev.flowcost.core.dag.python.eval.PyValues.PyList;
import dev.flowcost.core.dag.python.eval.PyValues.Unknown;
import dev.flowcost.core.dag.python.eval.Reporter;
import dev.flowcost.core.dag.python.syntax.PySyntax;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The mutable picture of DAGs, task groups and tasks a DAG file builds while it is walked, and how it grows: the
 * DAG and group contexts in force, task ids made as Airflow makes them. {@link DagModelAssembler} turns it into
 * immutable {@link dev.flowcost.core.dag.Dag} records once the whole file has been read. DAGs, groups and tasks are
 * Python values too: each answers its own attributes and methods.
 */
public final class DagModel {

    /** Tasks one DAG (or the tasks outside any DAG) may have. */
    static final int MAX_TASKS = 10_000;
    /** Tasks one file may have across its DAGs. */
    static final int MAX_FILE_TASKS = 5 * MAX_TASKS;

    /** A DAG being built. */
    static final class DagB implements PyObject {
        String dagId;
        final int line;
        final Map<String, Object> kwargs;
        final Map<String, TaskB> tasks = new LinkedHashMap<>();
        final Map<String, Integer> suffixes = new HashMap<>();
        private final Dependencies deps;

        DagB(String dagId, int line, Map<String, Object> kwargs, Dependencies deps) {
            this.dagId = dagId;
            this.line = line;
            this.kwargs = kwargs;
            this.deps = deps;
        }

        @Override
        public Object attribute(String name, PySyntax.Expr whole) {
            return switch (name) {
                case "dag_id" -> dagId;
                // the tasks made so far, as Airflow's dag.tasks at this point of the file
                case "tasks" -> new PyList(new ArrayList<>(tasks.values()));
                case "task_ids" -> new PyList(new ArrayList<>(tasks.keySet()));
                case "task_dict" -> new PyDict(new LinkedHashMap<>(tasks));
                default -> PyObject.super.attribute(name, whole);
            };
        }

        @Override
        public Object callMethod(String name, Args a, Evaluator ev) {
            switch (name) {
                case "get_task" -> {
                    Object id = a.pos().isEmpty() ? a.kw().get("task_id") : a.at(0);
                    TaskB t = id instanceof String s ? tasks.get(s) : null;
                    return t != null ? t : a.unknown();
                }
                case "set_dependency" -> {
                    // dag.set_dependency("upstream_id", "downstream_id")
                    Object up = a.at(0) instanceof String s ? tasks.get(s) : null;
                    Object down = a.at(1) instanceof String s ? tasks.get(s) : null;
                    if (up == null || down == null) {
                        ev.report().info(DiagnosticCode.DAG_DEPENDENCY, a.line(),
                                "dag.set_dependency names a task not made before it; that dependency is not read");
                    } else {
                        deps.connect(up, down, a.line());
                    }
                    return Evaluator.NONE;
                }
                default -> {
                    return a.unknown();
                }
            }
        }

        @Override
        public void setAttribute(String name, Object v) {
            if (!name.equals("dag_id") && !name.startsWith("_")) {
                kwargs.put(name, v);
            }
        }

        @Override
        public Boolean truth() {
            return true;
        }
    }

    /** A task or a group: either end of a dependency, with the methods Airflow gives both. */
    abstract static class Node implements PyObject {
        final Dependencies deps;

        Node(Dependencies deps) {
            this.deps = deps;
        }

        @Override
        public Object callMethod(String name, Args a, Evaluator ev) {
            int line = a.line();
            switch (name) {
                case "set_downstream" -> {
                    deps.connect(this, a.at(0), line);
                    return Evaluator.NONE;
                }
                case "set_upstream" -> {
                    deps.connect(a.at(0), this, line);
                    return Evaluator.NONE;
                }
                case "as_setup" -> {
                    markRole(DagTask.Role.SETUP);
                    return this;
                }
                case "as_teardown" -> {
                    markRole(DagTask.Role.TEARDOWN);
                    Object setups = a.kw().get("setups");
                    if (setups != null) {
                        // Airflow marks the named setups as setup tasks, then setup >> teardown
                        for (Object n : Dependencies.nodes(setups)) {
                            if (n instanceof TaskB st) {
                                st.role = DagTask.Role.SETUP;
                            }
                        }
                        deps.connect(setups, this, line);
                    }
                    return this;
                }
                case "zip" -> {
                    List<Object> refs = new ArrayList<>(List.of(this));
                    refs.addAll(a.pos());
                    return new XComGroup(refs);
                }
                case "map", "concat", "resolve" -> {
                    return this;
                }
                default -> {
                    return a.unknown();
                }
            }
        }

        void markRole(DagTask.Role role) {
        }

        @Override
        public Boolean truth() {
            return true;
        }
    }

    /** A TaskGroup being built. */
    static final class GroupB extends Node {
        final String label;
        final GroupB parent;
        final boolean prefix;
        final DagB dag;
        final int line;
        final Object defaultArgs;

        GroupB(String label, GroupB parent, boolean prefix, DagB dag, int line, Object defaultArgs, Dependencies deps) {
            super(deps);
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

        @Override
        public Object attribute(String name, PySyntax.Expr whole) {
            return name.equals("group_id") ? groupId() : super.attribute(name, whole);
        }
    }

    /** A task being built. */
    static final class TaskB extends Node {
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
              DagTask.Role role, boolean mapped, Dependencies deps) {
            super(deps);
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

        @Override
        public Object attribute(String name, PySyntax.Expr whole) {
            return switch (name) {
                case "output" -> this;
                case "task_id" -> taskId;
                case "dag" -> dag == null ? new Unknown(PySyntax.show(whole)) : dag;
                default -> super.attribute(name, whole);
            };
        }

        @Override
        void markRole(DagTask.Role r) {
            role = r;
        }

        /**
         * {@code task.trigger_rule = ...} or {@code sensor.timeout = 500} after the task was made: Airflow reads the
         * attribute at run time just as if it had been passed to the constructor, so it becomes a keyword argument.
         */
        @Override
        public void setAttribute(String name, Object v) {
            if (!name.equals("task_id") && !name.equals("dag") && !name.startsWith("_")) {
                kwargs.put(name, v);
            }
        }

        /** {@code task.output["key"]} (an XComArg index) still pulls from the same task. */
        @Override
        public Object subscript(boolean slice) {
            return this;
        }

        @Override
        public String str() {
            return "<Task(" + operator + "): " + taskId + ">";
        }

        @Override
        public String repr() {
            return taskId;
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

    final Deque<DagB> dagStack = new ArrayDeque<>();
    final Deque<GroupB> groupStack = new ArrayDeque<>();
    int mappedGroupDepth;
    final Dependencies deps;
    private final Reporter report;
    private final String fileStem;
    private final Map<DagB, Set<String>> groupIds = new IdentityHashMap<>();
    private final Set<String> orphanGroupIds = new HashSet<>();
    private final Map<DagB, Integer> tasksMade = new IdentityHashMap<>();
    private int orphanCount;

    /** An empty picture for a file whose name without {@code .py} is {@code fileStem}. */
    public DagModel(Reporter report, String fileStem) {
        this.report = report;
        this.fileStem = fileStem;
        this.deps = new Dependencies(this, report);
    }

    // ---------------------------------------------------------------- building DAGs, groups, tasks

    DagB newDag(Object idValue, Map<String, Object> kw, int line) {
        String id;
        if (idValue instanceof String s && !s.isEmpty()) {
            id = s;
        } else {
            id = fileStem;
            report.warn(DiagnosticCode.DAG_NOT_STATIC, line,
                    "could not resolve dag_id" + (idValue instanceof Unknown u ? " '" + u.text() + "'" : "")
                    + " at line " + line + "; assumed the file name '" + fileStem + "'");
        }
        DagB d = new DagB(id, line, new LinkedHashMap<>(kw), deps);
        dags.add(d);
        return d;
    }

    GroupB newGroup(Object labelValue, Map<String, Object> kw, int line, boolean unique) {
        DagB dag = kw.get("dag") instanceof DagB d ? d : dagStack.peek();
        GroupB parent = kw.get("parent_group") instanceof GroupB p ? p : currentGroup(dag);
        String label;
        if (labelValue instanceof String s) {
            label = s;
        } else if (labelValue instanceof PySyntax.NoneValue) {
            label = null;
        } else {
            label = "unresolved_" + line;
            report.warn(DiagnosticCode.DAG_NOT_STATIC, line,
                    "could not resolve the task group id at line " + line + "; assumed '" + label + "'");
        }
        boolean prefix = !(kw.get("prefix_group_id") instanceof Boolean b) || b;
        if (unique && label != null) {
            String base = label;
            int k = 0;
            while (groupIdsOf(dag).contains(new GroupB(label, parent, prefix, dag, line, null, deps).groupId())) {
                label = base + "__" + (++k);
            }
        }
        GroupB g = new GroupB(label, parent, prefix, dag, line, kw.get("default_args"), deps);
        groups.add(g);
        if (label != null) {
            groupIdsOf(dag).add(g.groupId());
        }
        return g;
    }

    private Set<String> groupIdsOf(DagB dag) {
        return dag == null ? orphanGroupIds : groupIds.computeIfAbsent(dag, k -> new HashSet<>());
    }

    private GroupB currentGroup(DagB dag) {
        GroupB g = groupStack.peek();
        return g != null && (g.dag == dag || dag == null) ? g : null;
    }

    /** Creates a task; its id gets the group prefix, and TaskFlow ids are made unique (name, name__1, ...). */
    TaskB newTask(Object idValue, String operator, String module, int line, Map<String, Object> kw, String base,
                  DagTask.Role role, boolean mapped, boolean taskflow) {
        DagB dag = kw.get("dag") instanceof DagB d ? d : dagStack.peek();
        GroupB group = kw.get("task_group") instanceof GroupB g ? g : currentGroup(dag);
        if (dag == null && group != null) {
            dag = group.dag;
        }
        int made = dag == null ? orphanCount : tasksMade.getOrDefault(dag, 0);
        if (made >= MAX_TASKS || taskCount >= MAX_FILE_TASKS) {
            String who = made >= MAX_TASKS ? dag == null ? "outside any DAG" : "in DAG '" + dag.dagId + "'" : "in this file";
            if (report.once("maxtasks " + who)) {
                report.warn(DiagnosticCode.DAG_LIMIT, line,
                        "more than " + (made >= MAX_TASKS ? MAX_TASKS : MAX_FILE_TASKS) + " tasks " + who
                        + "; the rest were not read" + (dag == null ? ""
                        : ": tasks of DAG '" + dag.dagId + "' from line " + line + " on are missing"));
            }
            return null;
        }
        taskCount++;
        if (dag == null) {
            orphanCount++;
        } else {
            tasksMade.merge(dag, 1, Integer::sum);
        }
        String label;
        if (idValue instanceof String s && !s.isEmpty()) {
            label = s;
        } else {
            label = "unresolved_" + line;
            String what = idValue instanceof Unknown u ? " '" + u.text() + "'" : idValue == null ? " (no task_id given)" : "";
            report.warn(DiagnosticCode.DAG_NOT_STATIC, line,
                    "could not resolve task_id" + what + " at line " + line + "; assumed '" + label + "'");
        }
        String id = group != null ? group.childId(label) : label;
        if (taskflow) {
            id = uniqueId(dag, id);
        }
        Map<String, Object> kwargs = new LinkedHashMap<>(kw);
        if (base != null && !base.isEmpty()) {
            kwargs.put("\0base", base);
        }
        TaskB t = new TaskB(id, operator, module, line, kwargs, dag, group, role, mapped || mappedGroupDepth > 0, deps);
        if (dag != null) {
            addTask(dag, t);
        } else {
            orphans.add(t);
        }
        return t;
    }

    private static String uniqueId(DagB dag, String id) {
        if (dag == null || !dag.tasks.containsKey(id)) {
            return id;
        }
        String core = stripSuffix(id);
        Integer known = dag.suffixes.get(core);
        if (known != null) {
            int next = known + 1;
            while (dag.tasks.containsKey(core + "__" + next)) {
                next++;
            }
            dag.suffixes.put(core, next);
            return core + "__" + next;
        }
        int max = 0;
        for (String existing : dag.tasks.keySet()) {
            if (existing.startsWith(core + "__")) {
                try {
                    max = Math.max(max, Integer.parseInt(existing.substring(core.length() + 2)));
                } catch (NumberFormatException e) {
                    // not a numbered copy
                }
            }
        }
        dag.suffixes.put(core, max + 1);
        return core + "__" + (max + 1);
    }

    /** {@code name__3} → {@code name}, as Airflow strips a copy number before numbering again. */
    private static String stripSuffix(String id) {
        int at = id.lastIndexOf("__");
        if (at <= 0 || at + 2 >= id.length()) {
            return id;
        }
        for (int i = at + 2; i < id.length(); i++) {
            if (!Character.isDigit(id.charAt(i))) {
                return id;
            }
        }
        return id.substring(0, at);
    }

    /** Adds a task to a DAG, reporting a duplicate id with both lines. */
    void addTask(DagB dag, TaskB t) {
        TaskB first = dag.tasks.get(t.taskId);
        if (first != null && first != t) {
            report.error(DiagnosticCode.DAG_TASK_DUPLICATE, t.line,
                    "duplicate task_id '" + t.taskId + "' in DAG '" + dag.dagId + "': defined at line "
                    + first.line + " and again at line " + t.line);
            t.dag = dag;
            return;
        }
        t.dag = dag;
        dag.tasks.put(t.taskId, t);
    }

    /** Every task made so far, in DAGs or not. */
    List<TaskB> allTasks() {
        List<TaskB> out = new ArrayList<>(orphans);
        for (DagB d : dags) {
            out.addAll(d.tasks.values());
        }
        return out;
    }
}
