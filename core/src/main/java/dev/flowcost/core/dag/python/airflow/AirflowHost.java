package dev.flowcost.core.dag.python.airflow;

import dev.flowcost.core.DiagnosticCode;
import dev.flowcost.core.dag.DagTask;
import dev.flowcost.core.dag.python.airflow.AirflowValues.DatasetRef;
import dev.flowcost.core.dag.python.airflow.AirflowValues.Decoration;
import dev.flowcost.core.dag.python.airflow.AirflowValues.Partial;
import dev.flowcost.core.dag.python.airflow.AirflowValues.Through;
import dev.flowcost.core.dag.python.airflow.DagModel.DagB;
import dev.flowcost.core.dag.python.airflow.DagModel.GroupB;
import dev.flowcost.core.dag.python.airflow.DagModel.TaskB;
import dev.flowcost.core.dag.python.eval.Args;
import dev.flowcost.core.dag.python.eval.Budget;
import dev.flowcost.core.dag.python.eval.Evaluator;
import dev.flowcost.core.dag.python.eval.Host;
import dev.flowcost.core.dag.python.eval.PyValues.ClassRef;
import dev.flowcost.core.dag.python.eval.PyValues.Duration;
import dev.flowcost.core.dag.python.eval.PyValues.Func;
import dev.flowcost.core.dag.python.eval.PyValues.ModuleRef;
import dev.flowcost.core.dag.python.eval.PyValues.PyDict;
import dev.flowcost.core.dag.python.eval.PyValues.Unknown;
import dev.flowcost.core.dag.python.eval.Reporter;
import dev.flowcost.core.dag.python.eval.Scope;
import dev.flowcost.core.dag.python.syntax.PySyntax;
import dev.flowcost.core.dag.python.syntax.PySyntax.Expr;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Airflow's meaning of the names a DAG file uses, as the {@link Host} of the Python evaluator: {@code DAG} and
 * {@code TaskGroup} (as calls and as with-contexts), operators, TaskFlow decorators ({@code @task}, {@code @dag},
 * {@code @task_group}, {@code @setup}/{@code @teardown}, {@code @asset}), {@code partial}/{@code expand},
 * {@code >>}/{@code <<}, {@code chain} and {@code cross_downstream}, XComArgs, datasets and assets. What it builds
 * goes into a {@link DagModel}. Each DAG's block runs on its own {@link Budget}.
 */
public final class AirflowHost implements Host {

    private final Evaluator ev;
    private final Reporter report;
    private final DagModel model;
    private final Dependencies deps;
    private final Map<Func, Boolean> dagFunctionsCalled = new IdentityHashMap<>();
    private final Map<DagB, Budget> budgets = new IdentityHashMap<>();

    /** A host that builds into {@code model} for the evaluator {@code ev}. */
    public AirflowHost(Evaluator ev, DagModel model) {
        this.ev = ev;
        this.report = ev.report();
        this.model = model;
        this.deps = model.deps;
    }

    @Override
    public void imported(String module) {
        if (module.equals("airflow.sdk") || module.startsWith("airflow.sdk.")) {
            model.airflow3 = true;
        }
    }

    @Override
    public void finished() {
        for (Map.Entry<Func, Boolean> e : dagFunctionsCalled.entrySet()) {
            if (!e.getValue()) {
                report.warn(DiagnosticCode.DAG_NOTE, e.getKey().def().line(), "@dag function '" + e.getKey().def().name()
                        + "' is never called at module level, so Airflow will not load its DAG");
            }
        }
    }

    // ---------------------------------------------------------------- budgets

    private Budget budgetOf(DagB dag) {
        return budgets.computeIfAbsent(dag, Budget::new);
    }

    @Override
    public void budgetSpent(Budget budget, Budget.Kind kind, int line) {
        String missing;
        String who;
        if (budget.owner() instanceof DagB d) {
            who = "DAG '" + d.dagId + "'";
            missing = "tasks of DAG '" + d.dagId + "' made there may be missing (it has " + d.tasks.size()
                    + " so far)";
        } else {
            who = "module-level code (outside any DAG's block)";
            List<String> ids = model.dags.stream().map(d -> "'" + d.dagId + "'").collect(Collectors.toList());
            missing = ids.isEmpty() ? "tasks made there may be missing (no DAG was defined before it; each DAG's "
                    + "own block has its own budget)"
                    : "tasks made there may be missing from DAG " + String.join(", ", ids);
        }
        if (kind == Budget.Kind.LOOP_ITERATIONS) {
            report.warn(DiagnosticCode.DAG_LIMIT, line,
                    who + ": more than " + Budget.MAX_LOOP_ITERATIONS + " loop iterations; the loop at line "
                    + line + " stopped there and later loops of the same code are not run, so " + missing);
        } else {
            report.warn(DiagnosticCode.DAG_LIMIT, line,
                    who + ": more than " + Budget.MAX_STEPS + " evaluation steps; reading stopped at line "
                    + line + ", so " + missing);
        }
    }

    // ---------------------------------------------------------------- decorators

    @Override
    public Object define(PySyntax.FuncDef f, Scope scope) {
        DatasetRef asset = assetDefinition(f, scope);
        if (asset != null) {
            return asset;
        }
        Decoration d = decorate(f, scope);
        if (d.kind() == Decoration.Kind.PLAIN) {
            return null;
        }
        Func fn = new Func(f, scope, d);
        if (d.kind() == Decoration.Kind.DAG) {
            dagFunctionsCalled.put(fn, false);
        }
        return fn;
    }

    private static Decoration decoration(Func f) {
        return f.decoration() instanceof Decoration d ? d : Decoration.PLAIN;
    }

    /**
     * Airflow 3's {@code @asset} turns a function into an asset and a DAG of the same name holding one task named for
     * the function, run on the decorator's schedule; the name then stands for the asset (another asset or DAG may be
     * scheduled on it). Null when the function is not so decorated.
     */
    private DatasetRef assetDefinition(PySyntax.FuncDef f, Scope scope) {
        for (Expr deco : f.decorators()) {
            Expr callee = deco instanceof PySyntax.Call c ? c.fn() : deco;
            String[] dotted = decoratorName(callee, scope);
            if (dotted == null || !dotted[0].equals("asset")) {
                continue;
            }
            Map<String, Object> kwargs = new LinkedHashMap<>();
            if (deco instanceof PySyntax.Call c) {
                ev.evalArgs(c.args(), scope, new ArrayList<>(), kwargs);
            }
            String name = kwargs.get("name") instanceof String n && !n.isEmpty() ? n : f.name();
            Map<String, Object> dagKw = new LinkedHashMap<>(kwargs);
            dagKw.remove("name");
            dagKw.remove("uri");
            DagB d = model.newDag(name, dagKw, f.line());
            Map<String, Object> taskKw = new LinkedHashMap<>();
            taskKw.put("dag", d);
            model.newTask(f.name(), "@asset", dotted[1], f.line(), taskKw, "", DagTask.Role.NORMAL, false, false);
            return new DatasetRef("Asset(\"" + name + "\")");
        }
        return null;
    }

    /** Reads a function's decorators: @task / @task.branch / @dag / @task_group / @setup / @teardown. */
    private Decoration decorate(PySyntax.FuncDef f, Scope scope) {
        Decoration d = Decoration.PLAIN;
        List<Expr> decos = new ArrayList<>(f.decorators());
        Collections.reverse(decos); // innermost first
        for (Expr deco : decos) {
            Expr callee = deco instanceof PySyntax.Call c ? c.fn() : deco;
            Map<String, Object> kwargs = new LinkedHashMap<>();
            if (deco instanceof PySyntax.Call c) {
                ev.evalArgs(c.args(), scope, new ArrayList<>(), kwargs);
            }
            String[] dotted = decoratorName(callee, scope);
            if (dotted == null) {
                continue;
            }
            String name = dotted[0];
            String module = dotted[1];
            if (name.equals("task.run_if") || name.equals("task.skip_if")) {
                // Airflow 2.10 conditions stacked on a task decorator: they do not change what the task is
                continue;
            }
            if (name.equals("task") || name.startsWith("task.")) {
                String op = "@" + name;
                d = new Decoration(Decoration.Kind.TASK, op, module, kwargs, d.role()).with(d.kwargs());
                d = new Decoration(Decoration.Kind.TASK, op, module, merge(d.kwargs(), kwargs), d.role());
            } else if (name.equals("dag")) {
                d = new Decoration(Decoration.Kind.DAG, "", module, kwargs, DagTask.Role.NORMAL);
            } else if (name.equals("task_group")) {
                d = new Decoration(Decoration.Kind.TASK_GROUP, "", module, kwargs, DagTask.Role.NORMAL);
            } else if (name.equals("setup") || name.equals("teardown")) {
                DagTask.Role role = name.equals("setup") ? DagTask.Role.SETUP : DagTask.Role.TEARDOWN;
                if (d.kind() == Decoration.Kind.PLAIN) {
                    d = new Decoration(Decoration.Kind.TASK, "@task", module, kwargs, role);
                } else {
                    d = new Decoration(d.kind(), d.operator(), d.module(), d.kwargs(), role);
                }
            }
        }
        return d;
    }

    private static Map<String, Object> merge(Map<String, Object> a, Map<String, Object> b) {
        Map<String, Object> m = new LinkedHashMap<>(a);
        m.putAll(b);
        return m;
    }

    /** {name, module} of a decorator such as {@code task.branch}, with the head resolved through imports. */
    private static String[] decoratorName(Expr e, Scope scope) {
        List<String> parts = new ArrayList<>();
        Expr x = e;
        while (x instanceof PySyntax.Attr a) {
            parts.add(0, a.name());
            x = a.obj();
        }
        if (!(x instanceof PySyntax.Name n)) {
            return null;
        }
        Object head = scope.lookup(n.id());
        String headName = n.id();
        String module = "";
        if (head instanceof ClassRef c) {
            headName = c.name();
            module = c.module();
        } else if (head instanceof ModuleRef m) {
            // airflow.decorators.task.branch: find "task"/"dag" in the dotted path
            List<String> all = new ArrayList<>(List.of(m.module().split("\\.")));
            all.addAll(parts);
            for (int i = 0; i < all.size(); i++) {
                String s = all.get(i);
                if (s.equals("task") || s.equals("dag") || s.equals("task_group") || s.equals("setup") || s.equals("teardown")) {
                    return new String[] {String.join(".", all.subList(i, all.size())), String.join(".", all.subList(0, i))};
                }
            }
            return null;
        }
        parts.add(0, headName);
        return new String[] {String.join(".", parts), module.isEmpty() ? "airflow.decorators" : module};
    }

    // ---------------------------------------------------------------- with-contexts

    @Override
    public Runnable enter(Object value) {
        if (value instanceof DagB d) {
            model.dagStack.push(d);
            return model.dagStack::pop;
        }
        if (value instanceof GroupB g) {
            model.groupStack.push(g);
            return model.groupStack::pop;
        }
        return null;
    }

    /**
     * A DAG's block is charged to that DAG's budget (a group's block to its DAG's); {@code with setup >> teardown:}
     * (Airflow 2.7) puts the block's tasks between its setups and teardowns.
     */
    @Override
    public <T> T withBody(List<Object> values, int line, Supplier<T> body) {
        DagB dag = null;
        DagB groupDag = null;
        List<TaskB> setupTeardown = new ArrayList<>();
        for (Object v : values) {
            if (v instanceof DagB d) {
                dag = d;
            } else if (v instanceof GroupB g) {
                groupDag = g.dag != null ? g.dag : groupDag;
            } else {
                for (Object n : Dependencies.nodes(v)) {
                    if (n instanceof TaskB t && t.role != DagTask.Role.NORMAL) {
                        setupTeardown.add(t);
                    }
                }
            }
        }
        DagB owner = dag != null ? dag : groupDag;
        Supplier<T> charged = owner == null ? body : () -> ev.charging(budgetOf(owner), body);
        if (setupTeardown.isEmpty()) {
            return charged.get();
        }
        int tasksBefore = model.taskCount;
        List<TaskB> before = model.allTasks();
        int edgesBefore = model.edges.size();
        T result = charged.get();
        if (model.taskCount > tasksBefore) {
            List<TaskB> work = model.allTasks();
            work.removeAll(before);
            deps.wrapInSetupTeardown(setupTeardown, work, edgesBefore, line);
        }
        return result;
    }

    // ---------------------------------------------------------------- operators

    @Override
    public Object operator(String op, Object l, Object r, int line, Expr whole) {
        switch (op) {
            case ">>" -> {
                if (r instanceof ClassRef || (r instanceof Unknown u && u.text().startsWith("Label("))) {
                    return new Through(l);
                }
                Object up = l instanceof Through t ? t.upstream() : l;
                if (!Dependencies.isNode(up) && !Dependencies.isNode(r)) {
                    return null;
                }
                deps.connect(up, r, line);
                return r;
            }
            case "<<" -> {
                if (Dependencies.isNode(l) || Dependencies.isNode(r)) {
                    deps.connect(r, l, line);
                    return r;
                }
                return null;
            }
            case "|", "&" -> {
                return l instanceof DatasetRef || r instanceof DatasetRef ? new DatasetRef(PySyntax.show(whole)) : null;
            }
            default -> {
                return null;
            }
        }
    }

    // ---------------------------------------------------------------- calls

    @Override
    public boolean isClassMethod(String name) {
        return name.equals("partial") || name.equals("get");
    }

    @Override
    public Object call(Object callee, Args a) {
        if (callee instanceof Func f) {
            Decoration d = decoration(f);
            return switch (d.kind()) {
                case TASK -> taskflowCall(f, d, a.pos(), a.kw(), a.line(), false);
                case DAG -> dagCall(f, a);
                case TASK_GROUP -> groupCall(f, a, false);
                default -> ev.invoke(f, a.pos(), a.kw(), a.line());
            };
        }
        if (callee instanceof ClassRef cr) {
            return classCall(cr.name(), cr.module(), cr.base(), a);
        }
        if (callee instanceof ModuleRef m) {
            String full = m.module();
            int dot = full.lastIndexOf('.');
            return classCall(dot < 0 ? full : full.substring(dot + 1), dot < 0 ? "" : full.substring(0, dot), "", a);
        }
        if (callee instanceof Unknown u) {
            String text = u.text();
            int dot = text.lastIndexOf('.');
            String name = dot < 0 ? text : text.substring(dot + 1);
            if (isIdentifier(name) && (a.kw().containsKey("task_id") || looksLikeOperator(name)
                    || name.equals("DAG") || name.equals("TaskGroup"))) {
                return classCall(name, "", "", a);
            }
        }
        return null;
    }

    @Override
    public Object callMethod(Object self, String name, Args a) {
        if (self instanceof Func f) {
            return functionMethod(f, name, a);
        }
        if (self instanceof ClassRef cr && name.equals("partial")) {
            return new Partial(cr, a.kw(), a.line());
        }
        if (self instanceof ClassRef cr && cr.name().equals("Variable") && name.equals("get")) {
            return ev.setting("Airflow Variable", a.pos(), a.kw().get("default_var") != null ? a.kw().get("default_var")
                    : a.kw().get("default"), a.call());
        }
        if (self instanceof Partial p) {
            return partialMethod(p, name, a);
        }
        return null;
    }

    /** {@code task_fn.override(...)}, {@code .partial(...)}, {@code .expand(...)} on a TaskFlow function. */
    private Object functionMethod(Func f, String name, Args a) {
        Decoration d = decoration(f);
        switch (name) {
            case "override" -> {
                return new Func(f.def(), f.closure(), d.with(a.kw()));
            }
            case "partial" -> {
                return new Partial(f, a.kw(), a.line());
            }
            case "expand", "expand_kwargs" -> {
                if (d.kind() == Decoration.Kind.TASK_GROUP) {
                    return groupCall(f, a, true);
                }
                if (d.kind() == Decoration.Kind.TASK) {
                    return taskflowCall(f, d, a.pos(), a.kw(), a.line(), true);
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    private Object partialMethod(Partial p, String name, Args a) {
        if (name.equals("expand") || name.equals("expand_kwargs")) {
            Map<String, Object> all = new LinkedHashMap<>(p.kwargs());
            all.putAll(a.kw());
            if (p.callee() instanceof Func f) {
                List<Object> args = new ArrayList<>(a.pos());
                args.add(new PyDict(new LinkedHashMap<>(p.kwargs())));
                return taskflowCall(f, decoration(f), args, a.kw(), a.line(), true);
            }
            ClassRef cr = (ClassRef) p.callee();
            TaskB t = model.newTask(all.get("task_id"), cr.name(), cr.module(), p.line(), all, cr.base(),
                    DagTask.Role.NORMAL, true, false);
            if (t != null) {
                deps.dataEdges(t, a.pos(), all, a.line());
                return t;
            }
            return null;
        }
        if (name.equals("partial")) {
            Map<String, Object> all = new LinkedHashMap<>(p.kwargs());
            all.putAll(a.kw());
            return new Partial(p.callee(), all, p.line());
        }
        return null;
    }

    private static boolean isIdentifier(String s) {
        if (s.isEmpty() || !Character.isJavaIdentifierStart(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            if (!Character.isJavaIdentifierPart(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean looksLikeOperator(String name) {
        return name.endsWith("Operator") || name.endsWith("Sensor") || name.endsWith("SensorAsync")
                || name.endsWith("OperatorAsync");
    }

    private Object dagCall(Func f, Args a) {
        dagFunctionsCalled.put(f, true);
        Map<String, Object> dk = new LinkedHashMap<>(decoration(f).kwargs());
        Object id = dk.containsKey("dag_id") ? dk.get("dag_id") : f.def().name();
        DagB dag = model.newDag(id, dk, f.def().line());
        model.dagStack.push(dag);
        try {
            ev.charging(budgetOf(dag), () -> ev.invoke(f, a.pos(), a.kw(), a.line()));
        } finally {
            model.dagStack.pop();
        }
        return dag;
    }

    private Object groupCall(Func f, Args a, boolean mapped) {
        Map<String, Object> gk = decoration(f).kwargs();
        Object label = gk.containsKey("group_id") ? gk.get("group_id") : f.def().name();
        GroupB g = model.newGroup(label, gk, a.line(), true);
        model.groupStack.push(g);
        if (mapped) {
            model.mappedGroupDepth++;
        }
        try {
            Object ret = ev.invoke(f, a.pos(), a.kw(), a.line());
            // Airflow's task_group decorator hands back what the function returns, when it returns something,
            // so dependencies bind to that task (or list) and not to the whole group
            return Dependencies.isNode(ret) ? ret : g;
        } finally {
            model.groupStack.pop();
            if (mapped) {
                model.mappedGroupDepth--;
            }
        }
    }

    private Object taskflowCall(Func f, Decoration d, List<Object> pos, Map<String, Object> kw, int line, boolean mapped) {
        Map<String, Object> settings = new LinkedHashMap<>(d.kwargs());
        Object label = settings.containsKey("task_id") ? settings.get("task_id") : f.def().name();
        Map<String, Object> all = new LinkedHashMap<>(settings);
        TaskB t = model.newTask(label, d.operator(), d.module(), line, all, null, d.role(), mapped, true);
        if (t != null) {
            deps.dataEdges(t, pos, kw, line);
        }
        return t == null ? new Unknown(f.def().name() + "()") : t;
    }

    private Object classCall(String name, String module, String base, Args a) {
        List<Object> pos = a.pos();
        Map<String, Object> kw = a.kw();
        int line = a.line();
        if (module.equals("dagfactory") || module.startsWith("dagfactory.")) {
            // dag-factory builds the DAGs from YAML files when Airflow parses this file: the DAGs are in the YAML
            if (report.once("dagfactory")) {
                report.warn(DiagnosticCode.DAG_GENERATED, line,
                        "DAGs here are generated by dag-factory (" + name + ") from YAML files when Airflow "
                        + "parses this file; flowcost reads dag-factory YAML itself: inspect those YAML files instead");
            }
            return null;
        }
        switch (name) {
            case "DAG" -> {
                Object id = kw.containsKey("dag_id") ? kw.get("dag_id") : pos.isEmpty() ? null : pos.get(0);
                return model.newDag(id, kw, line);
            }
            case "TaskGroup" -> {
                Object label = kw.containsKey("group_id") ? kw.get("group_id") : pos.isEmpty() ? null : pos.get(0);
                return model.newGroup(label, kw, line, false);
            }
            case "timedelta", "duration" -> {
                return Duration.of(a);
            }
            case "XComArg", "PlainXComArg" -> {
                // XComArg(op) is op's output: using it makes op upstream, as op.output does
                Object op = pos.isEmpty() ? kw.get("operator") : pos.get(0);
                return op instanceof TaskB ? op : null;
            }
            case "Dataset", "Asset", "DatasetAlias", "AssetAlias", "DatasetAll", "DatasetAny", "AssetAll", "AssetAny" -> {
                return new DatasetRef(PySyntax.show(a.call()));
            }
            case "chain", "chain_linear" -> {
                deps.chain(pos, line, name.equals("chain_linear"));
                return Evaluator.NONE;
            }
            case "cross_downstream" -> {
                Object from = kw.containsKey("from_tasks") ? kw.get("from_tasks") : a.at(0);
                Object to = kw.containsKey("to_tasks") ? kw.get("to_tasks") : a.at(1);
                deps.connectEvery(from, to, line);
                return Evaluator.NONE;
            }
            case "DbtTaskGroup" -> {
                return dbtPlaceholder(name, module, kw, null, line);
            }
            case "DbtDag" -> {
                DagB dbtDag = model.newDag(kw.get("dag_id"), kw, line);
                dbtPlaceholder(name, module, kw, dbtDag, line);
                return dbtDag;
            }
            default -> { }
        }
        if (kw.containsKey("task_id") || looksLikeOperator(name) || looksLikeOperator(base)) {
            TaskB t = model.newTask(kw.get("task_id"), name, module, line, kw, base, DagTask.Role.NORMAL, false, false);
            if (t != null) {
                deps.dataEdges(t, pos, kw, line);
                return t;
            }
        }
        return null;
    }

    /**
     * Cosmos' {@code DbtTaskGroup} and {@code DbtDag} render one task per dbt model (and test) when Airflow parses the
     * file, from the dbt project on disk: the models cannot be listed from the file alone, so the group stands as one
     * task named for it, dependencies bind to it, and a warning says its real size is unknown.
     */
    private TaskB dbtPlaceholder(String name, String module, Map<String, Object> kw, DagB dag, int line) {
        Object label = kw.get("group_id");
        if (!(label instanceof String s) || s.isEmpty()) {
            label = dag != null ? "dbt_project" : kw.get("dbt_project_name") instanceof String p ? p : "dbt_task_group";
        }
        Map<String, Object> taskKw = new LinkedHashMap<>();
        for (String k : List.of("default_args", "retries", "pool", "trigger_rule", "task_group")) {
            if (kw.containsKey(k)) {
                taskKw.put(k, kw.get(k));
            }
        }
        if (dag != null) {
            taskKw.put("dag", dag);
        } else if (kw.get("dag") instanceof DagB d) {
            taskKw.put("dag", d);
        }
        TaskB t = model.newTask(label, name, module, line, taskKw, "", DagTask.Role.NORMAL, false, false);
        if (t != null) {
            report.warn(DiagnosticCode.DAG_GENERATED, line,
                    name + " '" + t.taskId + "' renders one task per dbt model and test of its project when "
                    + "Airflow parses the file; flowcost cannot list them and counts it as a single task");
        }
        return t;
    }
}
