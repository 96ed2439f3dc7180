package dev.flowcost.core.dag.python;

import dev.flowcost.core.dag.python.syntax.PySyntax;
import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.SourceLocation;
import dev.flowcost.core.dag.DagTask;
import dev.flowcost.core.dag.python.DagModel.DagB;
import dev.flowcost.core.dag.python.DagModel.GroupB;
import dev.flowcost.core.dag.python.DagModel.TaskB;
import dev.flowcost.core.dag.python.syntax.PySyntax.Expr;
import dev.flowcost.core.dag.python.syntax.PySyntax.Stmt;
import dev.flowcost.core.dag.python.PyValues.Bound;
import dev.flowcost.core.dag.python.PyValues.Builtin;
import dev.flowcost.core.dag.python.PyValues.ClassRef;
import dev.flowcost.core.dag.python.PyValues.DatasetRef;
import dev.flowcost.core.dag.python.PyValues.Decoration;
import dev.flowcost.core.dag.python.PyValues.Duration;
import dev.flowcost.core.dag.python.PyValues.Func;
import dev.flowcost.core.dag.python.PyValues.Instance;
import dev.flowcost.core.dag.python.PyValues.UserClass;
import dev.flowcost.core.dag.python.PyValues.ModuleRef;
import dev.flowcost.core.dag.python.PyValues.Partial;
import dev.flowcost.core.dag.python.PyValues.PyDict;
import dev.flowcost.core.dag.python.PyValues.PyList;
import dev.flowcost.core.dag.python.PyValues.PyRange;
import dev.flowcost.core.dag.python.PyValues.Scope;
import dev.flowcost.core.dag.python.PyValues.Unknown;
import dev.flowcost.core.dag.python.PyValues.XComGroup;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A bounded abstract interpreter over a DAG file's syntax tree. It evaluates just enough Python (literals,
 * variables, f-strings, loops over known collections, function calls in the file) to see which DAGs, groups,
 * tasks and dependencies the file creates; it never runs anything outside the file. Whatever it cannot know
 * becomes an {@link Unknown} value and, where it matters, a diagnostic. Loops, steps, depth and tasks are bounded.
 */
final class DagInterpreter {

    static final int MAX_LOOP_ITERATIONS = 10_000;
    static final int MAX_STEPS = 2_000_000;
    static final int MAX_DEPTH = 400;
    static final int MAX_CALL_DEPTH = 20;
    static final int MAX_TASKS = 10_000;
    static final int MAX_STRING = 100_000;
    static final int MAX_LIST = 10_000;
    private static final Object NONE = PySyntax.NoneValue.NONE;
    /** Key under which a call records a {@code **mapping} whose keys are not known: any keyword may come from it. */
    static final String UNKNOWN_SPREAD = "\0spread";

    private enum Signal { NORMAL, BREAK, CONTINUE, RETURN }

    /** Stops the whole walk: the file exceeded a global budget. */
    private static final class Halt extends RuntimeException {
        Halt(String m) {
            super(m, null, false, false);
        }
    }

    /** Stops one top-level statement: it nests too deeply. */
    private static final class TooDeep extends RuntimeException {
        TooDeep() {
            super("too deep", null, false, false);
        }
    }

    /** {@code a >> Label("x")}: remembers the upstream side until the next {@code >>}. */
    private record Through(Object upstream) {
    }

    private final String file;
    private final String fileStem;
    private final DagModel model;
    private final List<Diagnostic> diags;
    private final Scope globals = new Scope(null);
    private final Deque<DagB> dagStack = new ArrayDeque<>();
    private final Deque<GroupB> groupStack = new ArrayDeque<>();
    private final Map<Func, Boolean> dagFunctionsCalled = new IdentityHashMap<>();
    private final Set<String> onceKeys = new HashSet<>();
    private int loopIterations;
    private boolean loopBudgetHit;
    private int steps;
    private int depth;
    private int callDepth;
    private int mappedGroupDepth;
    private Object returnValue = NONE;

    DagInterpreter(String file, String fileStem, DagModel model, List<Diagnostic> diags) {
        this.file = file;
        this.fileStem = fileStem;
        this.model = model;
        this.diags = diags;
        globals.vars.put("__file__", file);
        globals.vars.put("__name__", "unusual_prefix_" + fileStem);
        for (String b : List.of("range", "len", "list", "dict", "str", "int", "float", "bool", "tuple", "set", "enumerate",
                "zip", "sorted", "reversed", "globals", "print", "min", "max", "sum", "isinstance", "Path", "getattr")) {
            globals.vars.put(b, new Builtin(b));
        }
    }

    /** Walks the module, one top-level statement at a time. */
    void run(List<Stmt> module) {
        for (Stmt s : module) {
            depth = 0;
            callDepth = 0;
            try {
                exec(s, globals);
            } catch (TooDeep e) {
                warn(s.line(), "statement nests deeper than " + MAX_DEPTH + " levels; not read");
            } catch (Halt e) {
                diags.add(Diagnostic.error(file, SourceLocation.ofLine(s.line()), e.getMessage()));
                break;
            }
        }
        for (Map.Entry<Func, Boolean> e : dagFunctionsCalled.entrySet()) {
            if (!e.getValue()) {
                warn(e.getKey().def().line(), "@dag function '" + e.getKey().def().name()
                        + "' is never called at module level, so Airflow will not load its DAG");
            }
        }
    }

    // ---------------------------------------------------------------- diagnostics

    private void info(int line, String message) {
        diags.add(Diagnostic.info(file, SourceLocation.ofLine(line), message));
    }

    private void warn(int line, String message) {
        diags.add(Diagnostic.warning(file, SourceLocation.ofLine(line), message));
    }

    private void error(int line, String message) {
        diags.add(Diagnostic.error(file, SourceLocation.ofLine(line), message));
    }

    private boolean once(String key) {
        return onceKeys.add(key);
    }

    private void step() {
        if (++steps > MAX_STEPS) {
            throw new Halt("file too complex to read within " + MAX_STEPS + " evaluation steps; reading stopped");
        }
    }

    // ---------------------------------------------------------------- statements

    private Signal execAll(List<Stmt> body, Scope scope) {
        for (Stmt s : body) {
            Signal sig = exec(s, scope);
            if (sig != Signal.NORMAL) {
                return sig;
            }
        }
        return Signal.NORMAL;
    }

    private Signal exec(Stmt s, Scope scope) {
        step();
        if (++depth > MAX_DEPTH) {
            throw new TooDeep();
        }
        try {
            return execInner(s, scope);
        } finally {
            depth--;
        }
    }

    private Signal execInner(Stmt s, Scope scope) {
        if (s instanceof PySyntax.ExprStmt e) {
            eval(e.expr(), scope);
        } else if (s instanceof PySyntax.Assign a) {
            Object v = eval(a.value(), scope);
            for (Expr t : a.targets()) {
                assign(t, v, scope);
            }
        } else if (s instanceof PySyntax.AugAssign a) {
            Object cur = eval(a.target(), scope);
            assign(a.target(), binary(a.op(), cur, eval(a.value(), scope), a.line(), a.target()), scope);
        } else if (s instanceof PySyntax.Import im) {
            importNames(im, scope);
        } else if (s instanceof PySyntax.With w) {
            return with(w, scope);
        } else if (s instanceof PySyntax.FuncDef f) {
            DatasetRef asset = assetDefinition(f, scope);
            if (asset != null) {
                scope.set(f.name(), asset);
                return Signal.NORMAL;
            }
            Func fn = new Func(f, scope, decorate(f, scope));
            if (fn.decoration().kind() == Decoration.Kind.DAG) {
                dagFunctionsCalled.put(fn, false);
            }
            scope.set(f.name(), fn);
        } else if (s instanceof PySyntax.ClassDef c) {
            List<Object> bases = new ArrayList<>();
            for (Expr b : c.bases()) {
                bases.add(eval(b, scope));
            }
            if (bases.stream().allMatch(b -> b instanceof UserClass || b instanceof Builtin bi && bi.name().equals("object")
                    || b instanceof Unknown u && u.text().equals("object"))) {
                scope.set(c.name(), userClass(c, bases, scope));
            } else {
                String base = bases.isEmpty() ? "" : className(bases.get(0));
                scope.set(c.name(), new ClassRef(c.name(), "", base));
            }
        } else if (s instanceof PySyntax.For f) {
            return forLoop(f, scope);
        } else if (s instanceof PySyntax.While w) {
            warn(w.line(), "while loop not executed: the reader never runs loops without a known end; its body is not read");
        } else if (s instanceof PySyntax.If i) {
            Boolean cond = truth(eval(i.test(), scope));
            if (cond == null) {
                info(i.line(), "condition '" + PySyntax.show(i.test()) + "' is not known statically; read the if-branch only");
                return execAll(i.body(), scope);
            }
            return execAll(cond ? i.body() : i.orElse(), scope);
        } else if (s instanceof PySyntax.Return r) {
            returnValue = r.value() == null ? NONE : eval(r.value(), scope);
            return Signal.RETURN;
        } else if (s instanceof PySyntax.Try t) {
            Signal sig = execAll(t.body(), scope);
            for (List<Stmt> h : t.handlers()) {
                for (Stmt hs : h) {
                    if (hs instanceof PySyntax.Import im) {
                        // the fallback import of "try: import A except ImportError: import B" only fills gaps
                        List<PySyntax.ImportName> missing = new ArrayList<>();
                        for (PySyntax.ImportName n : im.names()) {
                            String bound = n.alias() != null ? n.alias() : n.name() != null ? n.name()
                                    : n.module().split("\\.")[0];
                            if (!hasName(scope, bound)) {
                                missing.add(n);
                            }
                        }
                        importNames(new PySyntax.Import(missing, im.line()), scope);
                    }
                }
            }
            if (sig == Signal.NORMAL) {
                sig = execAll(t.orElse(), scope);
            }
            Signal fin = execAll(t.finallyBody(), scope);
            return fin != Signal.NORMAL ? fin : sig;
        } else if (s instanceof PySyntax.Jump j) {
            return switch (j.keyword()) {
                case "break" -> Signal.BREAK;
                case "continue" -> Signal.CONTINUE;
                default -> Signal.NORMAL;
            };
        } else if (s instanceof PySyntax.Global g) {
            scope.globals.addAll(g.names());
        }
        return Signal.NORMAL;
    }

    /** Runs a plain class body once: its methods and class attributes become the class's members. */
    private UserClass userClass(PySyntax.ClassDef c, List<Object> bases, Scope scope) {
        UserClass uc = new UserClass(c.name());
        for (int i = bases.size() - 1; i >= 0; i--) {
            if (bases.get(i) instanceof UserClass b) {
                uc.members.putAll(b.members);
            }
        }
        Scope body = new Scope(scope);
        execAll(c.body(), body);
        uc.members.putAll(body.vars);
        return uc;
    }

    private static boolean decoratedWith(Func f, String name) {
        for (Expr d : f.def().decorators()) {
            if (d instanceof PySyntax.Name n && n.id().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Calls a member of a plain class through an instance or the class itself, binding self or cls. */
    private Object callMember(Object self, UserClass cls, String name, List<Object> pos, Map<String, Object> kw,
                              PySyntax.Call c) {
        Object member = cls.members.get(name);
        if (!(member instanceof Func f)) {
            return member == null ? new Unknown(PySyntax.show(c)) : callValue(member, pos, kw, c);
        }
        List<Object> args = new ArrayList<>();
        if (decoratedWith(f, "classmethod")) {
            args.add(cls);
        } else if (!decoratedWith(f, "staticmethod") && self instanceof Instance) {
            args.add(self);
        }
        args.addAll(pos);
        return callValue(f, args, kw, c);
    }

    private void importNames(PySyntax.Import im, Scope scope) {
        for (PySyntax.ImportName n : im.names()) {
            if (n.module().equals("airflow.sdk") || n.module().startsWith("airflow.sdk.")) {
                model.airflow3 = true;
            }
            if (n.name() == null) {
                String module = n.module();
                if (n.alias() != null) {
                    scope.set(n.alias(), new ModuleRef(module));
                } else {
                    int dot = module.indexOf('.');
                    String head = dot < 0 ? module : module.substring(0, dot);
                    scope.set(head, new ModuleRef(head));
                }
            } else if (n.name().equals("*")) {
                info(im.line(), "'from " + n.module() + " import *': names from it are taken by their class names");
            } else {
                scope.set(n.alias() != null ? n.alias() : n.name(), new ClassRef(n.name(), n.module(), ""));
            }
        }
    }

    private Signal with(PySyntax.With w, Scope scope) {
        int pushedDags = 0;
        int pushedGroups = 0;
        List<TaskB> setupTeardown = new ArrayList<>();
        try {
            for (PySyntax.WithItem item : w.items()) {
                Object v = eval(item.context(), scope);
                if (v instanceof DagB d) {
                    dagStack.push(d);
                    pushedDags++;
                } else if (v instanceof GroupB g) {
                    groupStack.push(g);
                    pushedGroups++;
                } else {
                    for (Object n : nodes(v)) {
                        if (n instanceof TaskB t && t.role != DagTask.Role.NORMAL) {
                            setupTeardown.add(t);
                        }
                    }
                }
                if (item.target() != null) {
                    assign(item.target(), v, scope);
                }
            }
            if (setupTeardown.isEmpty()) {
                return execAll(w.body(), scope);
            }
            int tasksBefore = model.taskCount;
            List<TaskB> before = allTasks();
            int edgesBefore = model.edges.size();
            Signal sig = execAll(w.body(), scope);
            if (model.taskCount > tasksBefore) {
                List<TaskB> work = allTasks();
                work.removeAll(before);
                wrapInSetupTeardown(setupTeardown, work, edgesBefore, w.line());
            }
            return sig;
        } finally {
            for (int i = 0; i < pushedDags; i++) {
                dagStack.pop();
            }
            for (int i = 0; i < pushedGroups; i++) {
                groupStack.pop();
            }
        }
    }

    private List<TaskB> allTasks() {
        List<TaskB> out = new ArrayList<>(model.orphans);
        for (DagB d : model.dags) {
            out.addAll(d.tasks.values());
        }
        return out;
    }

    /**
     * {@code with setup >> teardown:} (Airflow 2.7): the tasks made in the block run between them, so the setups
     * (the context task if it is a setup, else the setups upstream of the teardown) go before the block's first
     * tasks and the teardowns (the context task if it is a teardown, else those downstream of the setup) after its
     * last ones.
     */
    private void wrapInSetupTeardown(List<TaskB> context, List<TaskB> work, int edgesBefore, int line) {
        java.util.Set<Object> setups = new java.util.LinkedHashSet<>();
        java.util.Set<Object> teardowns = new java.util.LinkedHashSet<>();
        for (TaskB t : context) {
            if (t.role == DagTask.Role.SETUP) {
                setups.add(t);
            } else if (t.role == DagTask.Role.TEARDOWN) {
                teardowns.add(t);
            }
        }
        for (int i = 0; i < edgesBefore; i++) {
            DagModel.RawEdge e = model.edges.get(i);
            if (teardowns.contains(e.downstream()) && e.upstream() instanceof TaskB u && u.role == DagTask.Role.SETUP
                    && context.contains((TaskB) e.downstream())) {
                setups.add(u);
            }
            if (setups.contains(e.upstream()) && e.downstream() instanceof TaskB d && d.role == DagTask.Role.TEARDOWN
                    && context.contains((TaskB) e.upstream())) {
                teardowns.add(d);
            }
        }
        java.util.Set<Object> hasUp = new java.util.HashSet<>();
        java.util.Set<Object> hasDown = new java.util.HashSet<>();
        for (int i = edgesBefore; i < model.edges.size(); i++) {
            DagModel.RawEdge e = model.edges.get(i);
            if (work.contains(e.upstream()) && work.contains(e.downstream())) {
                hasUp.add(e.downstream());
                hasDown.add(e.upstream());
            }
        }
        for (TaskB t : work) {
            if (!hasUp.contains(t)) {
                for (Object s : setups) {
                    model.edges.add(new DagModel.RawEdge(s, t, line));
                }
            }
            if (!hasDown.contains(t)) {
                for (Object d : teardowns) {
                    model.edges.add(new DagModel.RawEdge(t, d, line));
                }
            }
        }
    }

    private Signal forLoop(PySyntax.For f, Scope scope) {
        Object iterable = eval(f.iter(), scope);
        Iterator<Object> it = iterate(iterable);
        if (it == null) {
            info(f.line(), "loop over '" + PySyntax.show(f.iter()) + "' is not known statically; loop body read once");
            assign(f.target(), new Unknown(PySyntax.show(f.target())), scope);
            Signal sig = execAll(f.body(), scope);
            return sig == Signal.RETURN ? sig : Signal.NORMAL;
        }
        while (it.hasNext()) {
            if (!countIteration(f.line())) {
                return Signal.NORMAL;
            }
            assign(f.target(), it.next(), scope);
            Signal sig = execAll(f.body(), scope);
            if (sig == Signal.BREAK) {
                return Signal.NORMAL;
            }
            if (sig == Signal.RETURN) {
                return sig;
            }
        }
        return execAll(f.orElse(), scope);
    }

    private boolean countIteration(int line) {
        if (++loopIterations > MAX_LOOP_ITERATIONS) {
            if (!loopBudgetHit) {
                loopBudgetHit = true;
                warn(line, "more than " + MAX_LOOP_ITERATIONS + " loop iterations in this file; the rest were not read");
            }
            return false;
        }
        return true;
    }

    private Iterator<Object> iterate(Object v) {
        if (v instanceof PyList l) {
            return new ArrayList<>(l.items()).iterator();
        }
        if (v instanceof PyDict d) {
            return new ArrayList<>(d.map().keySet()).iterator();
        }
        if (v instanceof String s) {
            List<Object> chars = new ArrayList<>();
            for (int i = 0; i < s.length() && i < MAX_LIST; i++) {
                chars.add(String.valueOf(s.charAt(i)));
            }
            return chars.iterator();
        }
        if (v instanceof PyRange r) {
            return new Iterator<>() {
                long i = 0;
                final long size = r.size();

                @Override
                public boolean hasNext() {
                    return i < size;
                }

                @Override
                public Object next() {
                    return r.start() + r.step() * i++;
                }
            };
        }
        return null;
    }

    private void assign(Expr target, Object v, Scope scope) {
        if (target instanceof PySyntax.Name n) {
            scope.set(n.id(), v);
        } else if (target instanceof PySyntax.Seq s) {
            List<Object> items = v instanceof PyList l ? l.items() : null;
            boolean starred = s.items().stream().anyMatch(x -> x instanceof PySyntax.Starred);
            if (items != null && !starred && items.size() == s.items().size()) {
                for (int i = 0; i < items.size(); i++) {
                    assign(s.items().get(i), items.get(i), scope);
                }
            } else {
                for (Expr t : s.items()) {
                    assign(t instanceof PySyntax.Starred st ? st.value() : t, new Unknown(PySyntax.show(t)), scope);
                }
            }
        } else if (target instanceof PySyntax.Subscript sub) {
            Object obj = eval(sub.obj(), scope);
            Object key = eval(sub.index(), scope);
            if (obj instanceof PyDict d && hashable(key)) {
                d.map().put(key, v);
            } else if (obj instanceof PyList l && key instanceof Long i && !l.tuple()) {
                int idx = (int) (i < 0 ? l.items().size() + i : i);
                if (idx >= 0 && idx < l.items().size()) {
                    l.items().set(idx, v);
                }
            }
        } else if (target instanceof PySyntax.Attr a) {
            setAttribute(eval(a.obj(), scope), a.name(), v);
        } else if (target instanceof PySyntax.Starred st) {
            assign(st.value(), v, scope);
        }
    }

    /**
     * {@code task.trigger_rule = ...} or {@code sensor.timeout = 500} after the task was made: Airflow reads the
     * attribute at run time just as if it had been passed to the constructor, so it becomes a keyword argument.
     */
    private static void setAttribute(Object obj, String name, Object v) {
        if (obj instanceof TaskB t && !name.equals("task_id") && !name.equals("dag") && !name.startsWith("_")) {
            t.kwargs.put(name, v);
        } else if (obj instanceof DagB d && !name.equals("dag_id") && !name.startsWith("_")) {
            d.kwargs.put(name, v);
        } else if (obj instanceof Instance inst) {
            inst.attrs.put(name, v);
        } else if (obj instanceof UserClass uc) {
            uc.members.put(name, v);
        }
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
                evalArgs(c.args(), scope, new ArrayList<>(), kwargs);
            }
            String name = kwargs.get("name") instanceof String n && !n.isEmpty() ? n : f.name();
            Map<String, Object> dagKw = new LinkedHashMap<>(kwargs);
            dagKw.remove("name");
            dagKw.remove("uri");
            DagB d = newDag(name, dagKw, f.line(), null);
            Map<String, Object> taskKw = new LinkedHashMap<>();
            taskKw.put("dag", d);
            newTask(f.name(), "@asset", dotted[1], f.line(), taskKw, "", DagTask.Role.NORMAL, false, false);
            return new DatasetRef("Asset(\"" + name + "\")");
        }
        return null;
    }

    /** Reads a function's decorators: @task / @task.branch / @dag / @task_group / @setup / @teardown. */
    private Decoration decorate(PySyntax.FuncDef f, Scope scope) {
        Decoration d = Decoration.PLAIN;
        List<Expr> decos = new ArrayList<>(f.decorators());
        java.util.Collections.reverse(decos); // innermost first
        for (Expr deco : decos) {
            Expr callee = deco instanceof PySyntax.Call c ? c.fn() : deco;
            Map<String, Object> kwargs = new LinkedHashMap<>();
            if (deco instanceof PySyntax.Call c) {
                List<Object> pos = new ArrayList<>();
                evalArgs(c.args(), scope, pos, kwargs);
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
    private String[] decoratorName(Expr e, Scope scope) {
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

    // ---------------------------------------------------------------- expressions

    Object eval(Expr e, Scope scope) {
        step();
        if (++depth > MAX_DEPTH) {
            throw new TooDeep();
        }
        try {
            return evalInner(e, scope);
        } finally {
            depth--;
        }
    }

    private Object evalInner(Expr e, Scope scope) {
        if (e instanceof PySyntax.Const c) {
            return c.value();
        }
        if (e instanceof PySyntax.Name n) {
            Object v = scope.lookup(n.id());
            if (v == null && !hasName(scope, n.id())) {
                return new Unknown(n.id());
            }
            return v;
        }
        if (e instanceof PySyntax.FStr f) {
            return fstring(f, scope);
        }
        if (e instanceof PySyntax.Attr a) {
            return attribute(eval(a.obj(), scope), a.name(), e);
        }
        if (e instanceof PySyntax.Call c) {
            return call(c, scope);
        }
        if (e instanceof PySyntax.Subscript s) {
            return subscript(eval(s.obj(), scope), s.index(), scope, e);
        }
        if (e instanceof PySyntax.Seq s) {
            List<Object> items = new ArrayList<>();
            for (Expr x : s.items()) {
                if (x instanceof PySyntax.Starred st) {
                    Object v = eval(st.value(), scope);
                    if (v instanceof PyList l) {
                        items.addAll(l.items());
                    } else {
                        items.add(new Unknown(PySyntax.show(x)));
                    }
                } else {
                    items.add(eval(x, scope));
                }
            }
            return new PyList(items, s.kind() == PySyntax.SeqKind.TUPLE);
        }
        if (e instanceof PySyntax.DictE d) {
            PyDict out = new PyDict();
            for (int i = 0; i < d.keys().size(); i++) {
                Object v = eval(d.values().get(i), scope);
                if (d.keys().get(i) == null) {
                    if (v instanceof PyDict other) {
                        out.map().putAll(other.map());
                    }
                } else {
                    Object k = eval(d.keys().get(i), scope);
                    if (hashable(k)) {
                        out.map().put(k, v);
                    }
                }
            }
            return out;
        }
        if (e instanceof PySyntax.BinOp b) {
            if (b.op().equals("and") || b.op().equals("or")) {
                Object l = eval(b.left(), scope);
                Boolean t = truth(l);
                if (t == null) {
                    eval(b.right(), scope);
                    return new Unknown(PySyntax.show(e));
                }
                if (b.op().equals("and")) {
                    return t ? eval(b.right(), scope) : l;
                }
                return t ? l : eval(b.right(), scope);
            }
            return binaryChain(b, scope);
        }
        if (e instanceof PySyntax.Unary u) {
            Object v = eval(u.operand(), scope);
            switch (u.op()) {
                case "not" -> {
                    Boolean t = truth(v);
                    return t == null ? new Unknown(PySyntax.show(e)) : !t;
                }
                case "-" -> {
                    if (v instanceof Long l) {
                        return -l;
                    }
                    if (v instanceof Double d) {
                        return -d;
                    }
                    if (v instanceof Duration d) {
                        return new Duration(-d.seconds(), "-" + d.text());
                    }
                    return new Unknown(PySyntax.show(e));
                }
                case "+" -> {
                    return v;
                }
                default -> {
                    return new Unknown(PySyntax.show(e));
                }
            }
        }
        if (e instanceof PySyntax.IfExp i) {
            Boolean t = truth(eval(i.test(), scope));
            if (t == null) {
                return new Unknown(PySyntax.show(e));
            }
            return eval(t ? i.body() : i.orElse(), scope);
        }
        if (e instanceof PySyntax.Comp c) {
            return comprehension(c, scope);
        }
        if (e instanceof PySyntax.Starred s) {
            return eval(s.value(), scope);
        }
        if (e instanceof PySyntax.Walrus w) {
            Object v = eval(w.value(), scope);
            scope.set(w.name(), v);
            return v;
        }
        return new Unknown(PySyntax.show(e));
    }

    /** Evaluates a left-deep chain such as {@code a >> b >> c >> ...} without recursing once per operator. */
    private Object binaryChain(PySyntax.BinOp top, Scope scope) {
        List<PySyntax.BinOp> spine = new ArrayList<>();
        Expr x = top;
        while (x instanceof PySyntax.BinOp b && !b.op().equals("and") && !b.op().equals("or")) {
            spine.add(b);
            x = b.left();
        }
        Object acc = eval(x, scope);
        for (int i = spine.size() - 1; i >= 0; i--) {
            PySyntax.BinOp b = spine.get(i);
            step();
            acc = binary(b.op(), acc, eval(b.right(), scope), b.line(), b);
        }
        return acc;
    }

    private static boolean hasName(Scope scope, String name) {
        for (Scope s = scope; s != null; s = s.parent) {
            if (s.vars.containsKey(name)) {
                return true;
            }
        }
        return false;
    }

    private Object fstring(PySyntax.FStr f, Scope scope) {
        StringBuilder b = new StringBuilder();
        for (Object part : f.parts()) {
            if (part instanceof PySyntax.Field fd) {
                Object v = eval(fd.expr(), scope);
                String s = format(v, fd.spec());
                if (s == null) {
                    return new Unknown(PySyntax.show(f));
                }
                b.append(s);
            } else {
                b.append((String) part);
            }
            if (b.length() > MAX_STRING) {
                return new Unknown("<long string>");
            }
        }
        return b.toString();
    }

    /** str(v) with a small subset of format specs (width, zero padding, d/s); null when v is not known. */
    private static String format(Object v, String spec) {
        String s = str(v);
        if (s == null || spec == null || spec.isEmpty()) {
            return s;
        }
        String sp = spec;
        if (sp.endsWith("d") || sp.endsWith("s")) {
            sp = sp.substring(0, sp.length() - 1);
        }
        boolean zero = sp.startsWith("0");
        try {
            int width = sp.isEmpty() ? 0 : Integer.parseInt(sp);
            StringBuilder b = new StringBuilder();
            for (int i = s.length(); i < Math.min(width, 1000); i++) {
                b.append(zero ? '0' : ' ');
            }
            return b.append(s).toString();
        } catch (NumberFormatException ex) {
            return s;
        }
    }

    /** Python's str() of a known value; null when unknown. */
    static String str(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Long || v instanceof PySyntax.NoneValue) {
            return v.toString();
        }
        if (v instanceof Double d) {
            return d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 1e16 ? String.valueOf(d.longValue()) + ".0" : d.toString();
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof TaskB t) {
            return "<Task(" + t.operator + "): " + t.taskId + ">";
        }
        return null;
    }

    /** Python truthiness of a known value; null when unknown. */
    static Boolean truth(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof PySyntax.NoneValue) {
            return false;
        }
        if (v instanceof Long l) {
            return l != 0;
        }
        if (v instanceof Double d) {
            return d != 0;
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        if (v instanceof PyList l) {
            return !l.items().isEmpty();
        }
        if (v instanceof PyDict d) {
            return !d.map().isEmpty();
        }
        if (v instanceof PyRange r) {
            return r.size() > 0;
        }
        if (v instanceof TaskB || v instanceof DagB || v instanceof GroupB || v instanceof Func || v instanceof ClassRef) {
            return true;
        }
        return null;
    }

    private Object comprehension(PySyntax.Comp c, Scope scope) {
        Scope inner = new Scope(scope);
        List<Object> out = new ArrayList<>();
        PyDict dict = new PyDict();
        boolean[] unknown = {false};
        compClause(c, 0, inner, out, dict, unknown);
        if (c.dict()) {
            return dict;
        }
        return new PyList(out, c.kind() == PySyntax.SeqKind.TUPLE);
    }

    private void compClause(PySyntax.Comp c, int i, Scope scope, List<Object> out, PyDict dict, boolean[] unknown) {
        if (i == c.clauses().size()) {
            if (c.dict()) {
                Object k = eval(c.element(), scope);
                Object v = eval(c.value(), scope);
                if (hashable(k) && dict.map().size() < MAX_LIST) {
                    dict.map().put(k, v);
                }
            } else if (out.size() < MAX_LIST) {
                out.add(eval(c.element(), scope));
            }
            return;
        }
        PySyntax.CompFor clause = c.clauses().get(i);
        Iterator<Object> it = iterate(eval(clause.iter(), scope));
        if (it == null) {
            info(c.line(), "comprehension over '" + PySyntax.show(clause.iter())
                    + "' is not known statically; loop body read once");
            assign(clause.target(), new Unknown(PySyntax.show(clause.target())), scope);
            compClause(c, i + 1, scope, out, dict, unknown);
            return;
        }
        while (it.hasNext()) {
            if (!countIteration(c.line())) {
                return;
            }
            assign(clause.target(), it.next(), scope);
            boolean keep = true;
            for (Expr cond : clause.conditions()) {
                Boolean t = truth(eval(cond, scope));
                if (t != null && !t) {
                    keep = false;
                }
            }
            if (keep) {
                compClause(c, i + 1, scope, out, dict, unknown);
            }
        }
    }

    private Object subscript(Object obj, Expr indexExpr, Scope scope, Expr whole) {
        if (indexExpr instanceof PySyntax.Slice sl) {
            Object lo = sl.lower() == null ? NONE : eval(sl.lower(), scope);
            Object hi = sl.upper() == null ? NONE : eval(sl.upper(), scope);
            Object st = sl.step() == null ? NONE : eval(sl.step(), scope);
            if (obj instanceof PyList l && st instanceof PySyntax.NoneValue) {
                int n = l.items().size();
                Integer a = sliceIndex(lo, 0, n);
                Integer b = sliceIndex(hi, n, n);
                if (a != null && b != null) {
                    return new PyList(new ArrayList<>(a < b ? l.items().subList(a, b) : List.of()), l.tuple());
                }
            }
            if (obj instanceof String s && st instanceof PySyntax.NoneValue) {
                Integer a = sliceIndex(lo, 0, s.length());
                Integer b = sliceIndex(hi, s.length(), s.length());
                if (a != null && b != null) {
                    return a < b ? s.substring(a, b) : "";
                }
            }
            return obj instanceof TaskB ? obj : new Unknown(PySyntax.show(whole));
        }
        Object key = eval(indexExpr, scope);
        if (obj instanceof TaskB || obj instanceof XComGroup) {
            return obj; // XComArg["key"] still pulls from the same task
        }
        if (obj instanceof PyDict d && hashable(key) && d.map().containsKey(key)) {
            return d.map().get(key);
        }
        if (obj instanceof PyList l && key instanceof Long i) {
            long idx = i < 0 ? l.items().size() + i : i;
            if (idx >= 0 && idx < l.items().size()) {
                return l.items().get((int) idx);
            }
        }
        if (obj instanceof String s && key instanceof Long i) {
            long idx = i < 0 ? s.length() + i : i;
            if (idx >= 0 && idx < s.length()) {
                return String.valueOf(s.charAt((int) idx));
            }
        }
        return new Unknown(PySyntax.show(whole));
    }

    private static Integer sliceIndex(Object v, int dflt, int n) {
        if (v instanceof PySyntax.NoneValue) {
            return dflt;
        }
        if (v instanceof Long l) {
            long x = l < 0 ? n + l : l;
            return (int) Math.max(0, Math.min(n, x));
        }
        return null;
    }

    private Object attribute(Object obj, String name, Expr whole) {
        if (obj instanceof ModuleRef m) {
            return new ModuleRef(m.module() + "." + name);
        }
        if (obj instanceof ClassRef c) {
            if (name.equals("partial") || name.equals("get")) {
                return new Bound(c, name);
            }
            return new ClassRef(name, c.module().isEmpty() ? c.name() : c.module() + "." + c.name(), "");
        }
        if (obj instanceof TaskB t) {
            return switch (name) {
                case "output" -> t;
                case "task_id" -> t.taskId;
                case "dag" -> t.dag == null ? new Unknown(PySyntax.show(whole)) : t.dag;
                default -> new Bound(t, name);
            };
        }
        if (obj instanceof Instance inst) {
            if (inst.attrs.containsKey(name)) {
                return inst.attrs.get(name);
            }
            Object member = inst.cls.members.get(name);
            return member instanceof Func ? new Bound(inst, name)
                    : member != null || inst.cls.members.containsKey(name) ? member : new Unknown(PySyntax.show(whole));
        }
        if (obj instanceof UserClass uc) {
            Object member = uc.members.get(name);
            return member instanceof Func ? new Bound(uc, name)
                    : member != null || uc.members.containsKey(name) ? member : new Unknown(PySyntax.show(whole));
        }
        if (obj instanceof GroupB g && name.equals("group_id")) {
            return g.groupId();
        }
        if (obj instanceof DagB d) {
            switch (name) {
                case "dag_id" -> {
                    return d.dagId;
                }
                case "tasks" -> {
                    // the tasks made so far, as Airflow's dag.tasks at this point of the file
                    return new PyList(new ArrayList<>(d.tasks.values()));
                }
                case "task_ids" -> {
                    return new PyList(new ArrayList<>(d.tasks.keySet()));
                }
                case "task_dict" -> {
                    return new PyDict(new LinkedHashMap<>(d.tasks));
                }
                default -> { }
            }
        }
        if (obj instanceof String s) {
            switch (name) {
                case "stem" -> {
                    String base = basename(s);
                    int dot = base.lastIndexOf('.');
                    return dot > 0 ? base.substring(0, dot) : base;
                }
                case "name" -> {
                    return basename(s);
                }
                case "parent" -> {
                    int slash = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
                    return slash >= 0 ? s.substring(0, slash) : ".";
                }
                default -> {
                    return new Bound(s, name);
                }
            }
        }
        if (obj instanceof Unknown u) {
            return new Unknown(u.text() + "." + name);
        }
        if (obj instanceof Builtin b) {
            return new Builtin(b.name() + "." + name);
        }
        if (obj == null) {
            return new Unknown(PySyntax.show(whole));
        }
        return new Bound(obj, name);
    }

    private static String basename(String s) {
        int slash = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
        return slash >= 0 ? s.substring(slash + 1) : s;
    }

    // ---------------------------------------------------------------- operators

    private Object binary(String op, Object l, Object r, int line, Expr whole) {
        switch (op) {
            case ">>" -> {
                return shift(l, r, line);
            }
            case "<<" -> {
                if (isNode(l) || isNode(r)) {
                    connect(r, l, line);
                    return r;
                }
            }
            case "==" -> {
                return known(l) && known(r) ? (Object) pyEquals(l, r) : new Unknown(PySyntax.show(whole));
            }
            case "!=" -> {
                return known(l) && known(r) ? (Object) !pyEquals(l, r) : new Unknown(PySyntax.show(whole));
            }
            case "is" -> {
                return known(l) && known(r) ? (Object) pyEquals(l, r) : new Unknown(PySyntax.show(whole));
            }
            case "is not" -> {
                return known(l) && known(r) ? (Object) !pyEquals(l, r) : new Unknown(PySyntax.show(whole));
            }
            case "in", "not in" -> {
                Boolean in = contains(r, l);
                if (in == null) {
                    return new Unknown(PySyntax.show(whole));
                }
                return op.equals("in") ? in : !in;
            }
            default -> { }
        }
        if (l instanceof Long a && r instanceof Long b) {
            return longOp(op, a, b, whole);
        }
        if (l instanceof Number a && r instanceof Number b && !(l instanceof Boolean)) {
            return doubleOp(op, a.doubleValue(), b.doubleValue(), whole);
        }
        if (l instanceof String a && r instanceof String b) {
            return switch (op) {
                case "+" -> a.length() + b.length() > MAX_STRING ? new Unknown("<long string>") : a + b;
                case "<" -> a.compareTo(b) < 0;
                case ">" -> a.compareTo(b) > 0;
                case "<=" -> a.compareTo(b) <= 0;
                case ">=" -> a.compareTo(b) >= 0;
                case "%" -> percent(a, new PyList(List.of(b), true));
                default -> new Unknown(PySyntax.show(whole));
            };
        }
        if (l instanceof String a && op.equals("%")) {
            Object res = percent(a, r);
            return res == null ? new Unknown(PySyntax.show(whole)) : res;
        }
        if (l instanceof String a && r instanceof Long n && op.equals("*")) {
            return n > MAX_STRING || n * a.length() > MAX_STRING ? new Unknown("<long string>")
                    : a.repeat((int) Math.max(0, n));
        }
        if (l instanceof PyList a && r instanceof PyList b && op.equals("+")) {
            List<Object> items = new ArrayList<>(a.items());
            items.addAll(b.items());
            return items.size() > MAX_LIST ? new Unknown("<long list>") : new PyList(items, a.tuple());
        }
        if (l instanceof PyList a && r instanceof Long n && op.equals("*")) {
            if (n > MAX_LIST || n * a.items().size() > MAX_LIST) {
                return new Unknown("<long list>");
            }
            List<Object> items = new ArrayList<>();
            for (long i = 0; i < n; i++) {
                items.addAll(a.items());
            }
            return new PyList(items, a.tuple());
        }
        if (l instanceof PyDict a && r instanceof PyDict b && op.equals("|")) {
            PyDict out = new PyDict();
            out.map().putAll(a.map());
            out.map().putAll(b.map());
            return out;
        }
        if (l instanceof Duration a && r instanceof Duration b && (op.equals("+") || op.equals("-"))) {
            return new Duration(op.equals("+") ? a.seconds() + b.seconds() : a.seconds() - b.seconds(),
                    a.text() + " " + op + " " + b.text());
        }
        if (l instanceof Duration a && r instanceof Number b && (op.equals("*") || op.equals("/"))) {
            double f = b.doubleValue();
            return new Duration(op.equals("*") ? a.seconds() * f : f == 0 ? 0 : a.seconds() / f, PySyntax.show(whole));
        }
        if (l instanceof Number a && r instanceof Duration b && op.equals("*")) {
            return new Duration(a.doubleValue() * b.seconds(), PySyntax.show(whole));
        }
        if ((l instanceof DatasetRef || r instanceof DatasetRef) && (op.equals("|") || op.equals("&"))) {
            return new DatasetRef(PySyntax.show(whole));
        }
        return new Unknown(PySyntax.show(whole));
    }

    /** Whether a value can key a dict here: scalars and tuples of scalars (never a structure that could nest deeply). */
    static boolean hashable(Object k) {
        if (known(k)) {
            return true;
        }
        if (k instanceof PyList l && l.tuple() && l.items().size() <= 16) {
            for (Object x : l.items()) {
                if (!known(x)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean known(Object v) {
        return v instanceof String || v instanceof Number || v instanceof Boolean || v instanceof PySyntax.NoneValue;
    }

    private static boolean pyEquals(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y && !(a instanceof Boolean) && !(b instanceof Boolean)) {
            return x.doubleValue() == y.doubleValue();
        }
        return a.equals(b);
    }

    private static Boolean contains(Object container, Object item) {
        if (container instanceof String s && item instanceof String i) {
            return s.contains(i);
        }
        if (!known(item)) {
            return null;
        }
        if (container instanceof PyList l) {
            boolean anyUnknown = false;
            for (Object x : l.items()) {
                if (known(x) && pyEquals(x, item)) {
                    return true;
                }
                anyUnknown |= !known(x);
            }
            return anyUnknown ? null : false;
        }
        if (container instanceof PyDict d) {
            return hashable(item) ? d.map().containsKey(item) : null;
        }
        return null;
    }

    private static Object longOp(String op, long a, long b, Expr whole) {
        try {
            return switch (op) {
                case "+" -> Math.addExact(a, b);
                case "-" -> Math.subtractExact(a, b);
                case "*" -> Math.multiplyExact(a, b);
                case "/" -> b == 0 ? new Unknown(PySyntax.show(whole)) : (Object) ((double) a / b);
                case "//" -> b == 0 ? new Unknown(PySyntax.show(whole)) : (Object) Math.floorDiv(a, b);
                case "%" -> b == 0 ? new Unknown(PySyntax.show(whole)) : (Object) Math.floorMod(a, b);
                case "**" -> pow(a, b, whole);
                case "<" -> a < b;
                case ">" -> a > b;
                case "<=" -> a <= b;
                case ">=" -> a >= b;
                case "&" -> a & b;
                case "|" -> a | b;
                case "^" -> a ^ b;
                default -> new Unknown(PySyntax.show(whole));
            };
        } catch (ArithmeticException e) {
            return new Unknown(PySyntax.show(whole));
        }
    }

    private static Object pow(long a, long b, Expr whole) {
        if (b < 0) {
            return Math.pow(a, b);
        }
        long r = 1;
        for (long i = 0; i < b; i++) {
            r = Math.multiplyExact(r, a);
            if (i > 64 && (a == 0 || a == 1 || a == -1)) {
                break;
            }
        }
        return r;
    }

    private static Object doubleOp(String op, double a, double b, Expr whole) {
        return switch (op) {
            case "+" -> a + b;
            case "-" -> a - b;
            case "*" -> a * b;
            case "/" -> b == 0 ? new Unknown(PySyntax.show(whole)) : (Object) (a / b);
            case "**" -> Math.pow(a, b);
            case "<" -> a < b;
            case ">" -> a > b;
            case "<=" -> a <= b;
            case ">=" -> a >= b;
            default -> new Unknown(PySyntax.show(whole));
        };
    }

    /** {@code "x_%s_%d" % args} for %s, %d, %i, %r and %%; null when an argument is unknown. */
    private static Object percent(String fmt, Object args) {
        List<Object> values = args instanceof PyList l && l.tuple() ? l.items() : List.of(args);
        StringBuilder b = new StringBuilder();
        int k = 0;
        for (int i = 0; i < fmt.length(); i++) {
            char c = fmt.charAt(i);
            if (c != '%' || i + 1 >= fmt.length()) {
                b.append(c);
                continue;
            }
            char d = fmt.charAt(++i);
            if (d == '%') {
                b.append('%');
                continue;
            }
            if (k >= values.size()) {
                return null;
            }
            String s = str(values.get(k++));
            if (s == null || b.length() + s.length() > MAX_STRING) {
                return null;
            }
            b.append(s);
        }
        return b.toString();
    }

    // ---------------------------------------------------------------- dependencies

    private static boolean isNode(Object v) {
        if (v instanceof TaskB || v instanceof GroupB || v instanceof XComGroup || v instanceof Through) {
            return true;
        }
        if (v instanceof PyList l) {
            for (Object x : l.items()) {
                if (isNode(x)) {
                    return true;
                }
            }
        }
        return false;
    }

    private Object shift(Object l, Object r, int line) {
        if (r instanceof ClassRef || (r instanceof Unknown u && u.text().startsWith("Label("))) {
            return new Through(l);
        }
        Object up = l instanceof Through t ? t.upstream() : l;
        if (!isNode(up) && !isNode(r)) {
            if (l instanceof Long a && r instanceof Long b && b >= 0 && b < 64) {
                return a >> b;
            }
            return new Unknown(">>");
        }
        connect(up, r, line);
        return r;
    }

    /** Records upstream → downstream for every pair of nodes on the two sides. */
    void connect(Object up, Object down, int line) {
        if (up instanceof PyList && down instanceof PyList && once("listlist" + line)) {
            warn(line, "Airflow does not allow list >> list; every pair of tasks was connected");
        }
        connectEvery(up, down, line);
    }

    private static final int MAX_COLLECTED = 10_000;

    private static List<Object> nodes(Object v) {
        List<Object> out = new ArrayList<>();
        collectNodes(v, out, 0, new int[1]);
        return out;
    }

    private static void collectNodes(Object v, List<Object> out, int level, int[] visits) {
        if (level > 20 || ++visits[0] > MAX_COLLECTED) {
            return;
        }
        if (v instanceof TaskB || v instanceof GroupB) {
            out.add(v);
        } else if (v instanceof Through t) {
            collectNodes(t.upstream(), out, level + 1, visits);
        } else if (v instanceof XComGroup g) {
            for (Object x : g.refs()) {
                collectNodes(x, out, level + 1, visits);
            }
        } else if (v instanceof PyList l) {
            for (Object x : l.items()) {
                collectNodes(x, out, level + 1, visits);
            }
        }
    }

    /** XCom producers anywhere inside an argument value: each becomes an upstream of the task it feeds. */
    private static void collectXComs(Object v, List<TaskB> out, int level) {
        collectXComs(v, out, level, new int[1]);
    }

    private static void collectXComs(Object v, List<TaskB> out, int level, int[] visits) {
        if (level > 20 || ++visits[0] > MAX_COLLECTED) {
            return;
        }
        if (v instanceof TaskB t) {
            out.add(t);
        } else if (v instanceof XComGroup g) {
            for (Object x : g.refs()) {
                collectXComs(x, out, level + 1, visits);
            }
        } else if (v instanceof PyList l) {
            for (Object x : l.items()) {
                collectXComs(x, out, level + 1, visits);
            }
        } else if (v instanceof PyDict d) {
            for (Object x : d.map().values()) {
                collectXComs(x, out, level + 1, visits);
            }
            for (Object x : d.map().keySet()) {
                collectXComs(x, out, level + 1, visits);
            }
        }
    }

    private void dataEdges(TaskB task, List<Object> pos, Map<String, Object> kw, int line) {
        List<TaskB> producers = new ArrayList<>();
        for (Object v : pos) {
            collectXComs(v, producers, 0);
        }
        for (Map.Entry<String, Object> e : kw.entrySet()) {
            if (!e.getKey().equals("dag") && !e.getKey().equals("task_group")) {
                collectXComs(e.getValue(), producers, 0);
            }
        }
        for (TaskB p : producers) {
            if (p != task) {
                model.edges.add(new DagModel.RawEdge(p, task, line));
            }
        }
    }

    // ---------------------------------------------------------------- calls

    private void evalArgs(List<PySyntax.Arg> args, Scope scope, List<Object> pos, Map<String, Object> kw) {
        for (PySyntax.Arg a : args) {
            Object v = eval(a.value(), scope);
            if (a.star() == 1) {
                if (v instanceof PyList l) {
                    pos.addAll(l.items());
                } else if (v instanceof PyRange r && r.size() <= MAX_LIST) {
                    Iterator<Object> it = iterate(r);
                    while (it.hasNext()) {
                        pos.add(it.next());
                    }
                } else {
                    pos.add(new Unknown("*" + PySyntax.show(a.value())));
                }
            } else if (a.star() == 2) {
                if (v instanceof PyDict d) {
                    for (Map.Entry<Object, Object> e : d.map().entrySet()) {
                        if (e.getKey() instanceof String k) {
                            kw.put(k, e.getValue());
                        }
                    }
                } else {
                    // keyword arguments from a mapping not known here: any of them may be set by it
                    kw.put(UNKNOWN_SPREAD, new Unknown("**" + PySyntax.show(a.value())));
                }
            } else if (a.keyword() != null) {
                kw.put(a.keyword(), v);
            } else {
                pos.add(v);
            }
        }
    }

    private Object call(PySyntax.Call c, Scope scope) {
        Object fn;
        if (c.fn() instanceof PySyntax.Attr a) {
            Object obj = eval(a.obj(), scope);
            fn = attribute(obj, a.name(), c.fn());
        } else {
            fn = eval(c.fn(), scope);
        }
        List<Object> pos = new ArrayList<>();
        Map<String, Object> kw = new LinkedHashMap<>();
        evalArgs(c.args(), scope, pos, kw);
        return callValue(fn, pos, kw, c);
    }

    private Object callValue(Object fn, List<Object> pos, Map<String, Object> kw, PySyntax.Call c) {
        int line = c.line();
        if (fn instanceof Func f) {
            return switch (f.decoration().kind()) {
                case TASK -> taskflowCall(f, f.decoration(), pos, kw, line, false);
                case DAG -> dagCall(f, pos, kw, line);
                case TASK_GROUP -> groupCall(f, pos, kw, line, false);
                default -> invoke(f, pos, kw, line);
            };
        }
        if (fn instanceof Bound b) {
            return method(b.self(), b.name(), pos, kw, c);
        }
        if (fn instanceof UserClass uc) {
            Instance inst = new Instance(uc);
            if (uc.members.get("__init__") instanceof Func) {
                callMember(inst, uc, "__init__", pos, kw, c);
            }
            return inst;
        }
        if (fn instanceof ClassRef cr) {
            return classCall(cr.name(), cr.module(), cr.base(), pos, kw, c);
        }
        if (fn instanceof ModuleRef m) {
            String full = m.module();
            int dot = full.lastIndexOf('.');
            String name = dot < 0 ? full : full.substring(dot + 1);
            String module = dot < 0 ? "" : full.substring(0, dot);
            if (full.equals("os.path.basename") && !pos.isEmpty() && pos.get(0) instanceof String s) {
                return basename(s);
            }
            if (full.equals("os.path.splitext") && !pos.isEmpty() && pos.get(0) instanceof String s) {
                int d = s.lastIndexOf('.');
                return d > basename(s).length() - s.length() + s.length() - basename(s).length() && d > 0
                        ? new PyList(PyValues.list(s.substring(0, d), s.substring(d)), true)
                        : new PyList(PyValues.list(s, ""), true);
            }
            if (full.equals("os.getenv") || full.equals("os.environ.get")) {
                return setting("environment variable", pos, kw.get("default"), c);
            }
            if (full.equals("os.path.dirname") && !pos.isEmpty() && pos.get(0) instanceof String s) {
                int slash = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
                return slash >= 0 ? s.substring(0, slash) : "";
            }
            return classCall(name, module, "", pos, kw, c);
        }
        if (fn instanceof Builtin b) {
            return builtin(b.name(), pos, kw, c);
        }
        if (fn instanceof Unknown u) {
            String text = u.text();
            int dot = text.lastIndexOf('.');
            String name = dot < 0 ? text : text.substring(dot + 1);
            if (isIdentifier(name) && (kw.containsKey("task_id") || looksLikeOperator(name)
                    || name.equals("DAG") || name.equals("TaskGroup"))) {
                return classCall(name, "", "", pos, kw, c);
            }
            return new Unknown(PySyntax.show(c));
        }
        return new Unknown(PySyntax.show(c));
    }

    /**
     * {@code os.getenv("ENV", "dev")} or {@code Variable.get("bucket", default_var="raw")}: the value lives outside the
     * file, so its default is taken, as a DAG parsed where it is unset would see it.
     */
    private Object setting(String what, List<Object> pos, Object kwDefault, PySyntax.Call c) {
        Object dflt = kwDefault != null ? kwDefault : pos.size() > 1 ? pos.get(1) : null;
        String key = !pos.isEmpty() && pos.get(0) instanceof String k ? k : PySyntax.show(c);
        if (dflt == null || dflt instanceof Unknown) {
            return new Unknown(PySyntax.show(c));
        }
        if (once("setting" + key)) {
            info(c.line(), what + " '" + key + "' is not known statically; assumed its default " + DagAssembler.repr(dflt));
        }
        return dflt;
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

    private Object invoke(Func f, List<Object> pos, Map<String, Object> kw, int line) {
        if (callDepth >= MAX_CALL_DEPTH) {
            if (once("calldepth")) {
                warn(line, "function calls nest deeper than " + MAX_CALL_DEPTH + "; the deeper calls are not read");
            }
            return new Unknown(f.def().name() + "(...)");
        }
        Scope local = new Scope(f.closure());
        bindParams(f, pos, kw, local);
        callDepth++;
        Object saved = returnValue;
        returnValue = NONE;
        try {
            Signal sig = execAll(f.def().body(), local);
            return sig == Signal.RETURN ? returnValue : NONE;
        } finally {
            returnValue = saved;
            callDepth--;
        }
    }

    private void bindParams(Func f, List<Object> pos, Map<String, Object> kw, Scope local) {
        int i = 0;
        Map<String, Object> rest = new LinkedHashMap<>(kw);
        for (PySyntax.Param p : f.def().params()) {
            if (p.star() == 1) {
                local.vars.put(p.name(), new PyList(new ArrayList<>(i < pos.size() ? pos.subList(i, pos.size()) : List.of()), true));
                i = pos.size();
            } else if (p.star() == 2) {
                PyDict d = new PyDict();
                for (Map.Entry<String, Object> e : rest.entrySet()) {
                    d.map().put(e.getKey(), e.getValue());
                }
                local.vars.put(p.name(), d);
            } else if (rest.containsKey(p.name())) {
                local.vars.put(p.name(), rest.remove(p.name()));
            } else if (i < pos.size()) {
                local.vars.put(p.name(), pos.get(i++));
            } else if (p.defaultValue() != null) {
                local.vars.put(p.name(), eval(p.defaultValue(), f.closure()));
            } else {
                local.vars.put(p.name(), new Unknown(p.name()));
            }
        }
    }

    private Object dagCall(Func f, List<Object> pos, Map<String, Object> kw, int line) {
        dagFunctionsCalled.put(f, true);
        Map<String, Object> dk = new LinkedHashMap<>(f.decoration().kwargs());
        Object id = dk.containsKey("dag_id") ? dk.get("dag_id") : f.def().name();
        DagB dag = newDag(id, dk, f.def().line(), null);
        dagStack.push(dag);
        try {
            invoke(f, pos, kw, line);
        } finally {
            dagStack.pop();
        }
        return dag;
    }

    private Object groupCall(Func f, List<Object> pos, Map<String, Object> kw, int line, boolean mapped) {
        Map<String, Object> gk = f.decoration().kwargs();
        Object label = gk.containsKey("group_id") ? gk.get("group_id") : f.def().name();
        GroupB g = newGroup(label, gk, line, true);
        groupStack.push(g);
        if (mapped) {
            mappedGroupDepth++;
        }
        try {
            Object ret = invoke(f, pos, kw, line);
            // Airflow's task_group decorator hands back what the function returns, when it returns something,
            // so dependencies bind to that task (or list) and not to the whole group
            return isNode(ret) ? ret : g;
        } finally {
            groupStack.pop();
            if (mapped) {
                mappedGroupDepth--;
            }
        }
    }

    private Object taskflowCall(Func f, Decoration d, List<Object> pos, Map<String, Object> kw, int line, boolean mapped) {
        Map<String, Object> settings = new LinkedHashMap<>(d.kwargs());
        Object label = settings.containsKey("task_id") ? settings.get("task_id") : f.def().name();
        Map<String, Object> all = new LinkedHashMap<>(settings);
        TaskB t = newTask(label, d.operator(), d.module(), line, all, null, d.role(), mapped, true);
        if (t != null) {
            dataEdges(t, pos, kw, line);
        }
        return t == null ? new Unknown(f.def().name() + "()") : t;
    }

    private Object classCall(String name, String module, String base, List<Object> pos, Map<String, Object> kw,
                             PySyntax.Call c) {
        int line = c.line();
        if (module.equals("dagfactory") || module.startsWith("dagfactory.")) {
            // dag-factory builds the DAGs from YAML files when Airflow parses this file: the DAGs are in the YAML
            if (once("dagfactory")) {
                warn(line, "DAGs here are generated by dag-factory (" + name + ") from YAML files when Airflow parses "
                        + "this file; flowcost reads dag-factory YAML itself: inspect those YAML files instead");
            }
            return new Unknown(PySyntax.show(c));
        }
        switch (name) {
            case "DAG" -> {
                Object id = kw.containsKey("dag_id") ? kw.get("dag_id") : pos.isEmpty() ? null : pos.get(0);
                return newDag(id, kw, line, c);
            }
            case "TaskGroup" -> {
                Object label = kw.containsKey("group_id") ? kw.get("group_id") : pos.isEmpty() ? null : pos.get(0);
                return newGroup(label, kw, line, false);
            }
            case "timedelta", "duration" -> {
                return duration(pos, kw, c);
            }
            case "XComArg", "PlainXComArg" -> {
                // XComArg(op) is op's output: using it makes op upstream, as op.output does
                Object op = pos.isEmpty() ? kw.get("operator") : pos.get(0);
                return op instanceof TaskB ? op : new Unknown(PySyntax.show(c));
            }
            case "Dataset", "Asset", "DatasetAlias", "AssetAlias", "DatasetAll", "DatasetAny", "AssetAll", "AssetAny" -> {
                return new DatasetRef(PySyntax.show(c));
            }
            case "chain", "cross_downstream", "chain_linear" -> {
                return builtin(name, pos, kw, c);
            }
            case "DbtTaskGroup" -> {
                return dbtPlaceholder(name, module, kw, null, c);
            }
            case "DbtDag" -> {
                DagB dbtDag = newDag(kw.get("dag_id"), kw, line, c);
                dbtPlaceholder(name, module, kw, dbtDag, c);
                return dbtDag;
            }
            default -> { }
        }
        if (kw.containsKey("task_id") || looksLikeOperator(name) || looksLikeOperator(base)) {
            TaskB t = newTask(kw.get("task_id"), name, module, line, kw, base, DagTask.Role.NORMAL, false, false);
            if (t != null) {
                dataEdges(t, pos, kw, line);
                return t;
            }
        }
        return new Unknown(PySyntax.show(c));
    }

    /**
     * Cosmos' {@code DbtTaskGroup} and {@code DbtDag} render one task per dbt model (and test) when Airflow parses the
     * file, from the dbt project on disk: the models cannot be listed from the file alone, so the group stands as one
     * task named for it, dependencies bind to it, and a warning says its real size is unknown.
     */
    private TaskB dbtPlaceholder(String name, String module, Map<String, Object> kw, DagB dag, PySyntax.Call c) {
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
        TaskB t = newTask(label, name, module, c.line(), taskKw, "", DagTask.Role.NORMAL, false, false);
        if (t != null) {
            warn(c.line(), name + " '" + t.taskId + "' renders one task per dbt model and test of its project when "
                    + "Airflow parses the file; flowcost cannot list them and counts it as a single task");
        }
        return t;
    }

    private Duration duration(List<Object> pos, Map<String, Object> kw, PySyntax.Call c) {
        String[] order = {"days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"};
        double[] factor = {86400, 1, 1e-6, 1e-3, 60, 3600, 604800};
        double total = 0;
        for (int i = 0; i < order.length; i++) {
            Object v = i < pos.size() ? pos.get(i) : kw.get(order[i]);
            if (v instanceof Number n) {
                total += n.doubleValue() * factor[i];
            }
        }
        return new Duration(total, PySyntax.show(c));
    }

    private Object method(Object self, String name, List<Object> pos, Map<String, Object> kw, PySyntax.Call c) {
        int line = c.line();
        if (self instanceof TaskB || self instanceof GroupB) {
            switch (name) {
                case "set_downstream" -> {
                    connect(self, pos.isEmpty() ? null : pos.get(0), line);
                    return NONE;
                }
                case "set_upstream" -> {
                    connect(pos.isEmpty() ? null : pos.get(0), self, line);
                    return NONE;
                }
                case "as_setup" -> {
                    if (self instanceof TaskB t) {
                        t.role = DagTask.Role.SETUP;
                    }
                    return self;
                }
                case "as_teardown" -> {
                    if (self instanceof TaskB t) {
                        t.role = DagTask.Role.TEARDOWN;
                    }
                    Object setups = kw.get("setups");
                    if (setups != null) {
                        // Airflow marks the named setups as setup tasks, then setup >> teardown
                        for (Object n : nodes(setups)) {
                            if (n instanceof TaskB st) {
                                st.role = DagTask.Role.SETUP;
                            }
                        }
                        connect(setups, self, line);
                    }
                    return self;
                }
                case "zip" -> {
                    List<Object> refs = new ArrayList<>(List.of(self));
                    refs.addAll(pos);
                    return new XComGroup(refs);
                }
                case "map", "concat", "resolve" -> {
                    return self;
                }
                default -> {
                    return new Unknown(PySyntax.show(c));
                }
            }
        }
        if (self instanceof Func f) {
            Decoration d = f.decoration();
            switch (name) {
                case "override" -> {
                    return new Func(f.def(), f.closure(), d.with(kw));
                }
                case "partial" -> {
                    return new Partial(f, kw, line);
                }
                case "expand", "expand_kwargs" -> {
                    if (d.kind() == Decoration.Kind.TASK_GROUP) {
                        return groupCall(f, pos, kw, line, true);
                    }
                    if (d.kind() == Decoration.Kind.TASK) {
                        return taskflowCall(f, d, pos, kw, line, true);
                    }
                    return new Unknown(PySyntax.show(c));
                }
                default -> {
                    return new Unknown(PySyntax.show(c));
                }
            }
        }
        if (self instanceof Instance inst) {
            return callMember(inst, inst.cls, name, pos, kw, c);
        }
        if (self instanceof UserClass uc) {
            return callMember(uc, uc, name, pos, kw, c);
        }
        if (self instanceof ClassRef cr && name.equals("partial")) {
            return new Partial(cr, kw, line);
        }
        if (self instanceof ClassRef cr && cr.name().equals("Variable") && name.equals("get")) {
            return setting("Airflow Variable", pos, kw.get("default_var") != null ? kw.get("default_var")
                    : kw.get("default"), c);
        }
        if (self instanceof DagB d) {
            switch (name) {
                case "get_task" -> {
                    Object id = pos.isEmpty() ? kw.get("task_id") : pos.get(0);
                    TaskB t = id instanceof String s ? d.tasks.get(s) : null;
                    return t != null ? t : new Unknown(PySyntax.show(c));
                }
                case "set_dependency" -> {
                    // dag.set_dependency("upstream_id", "downstream_id")
                    Object up = pos.size() > 0 && pos.get(0) instanceof String s ? d.tasks.get(s) : null;
                    Object down = pos.size() > 1 && pos.get(1) instanceof String s ? d.tasks.get(s) : null;
                    if (up == null || down == null) {
                        info(line, "dag.set_dependency names a task not made before it; that dependency is not read");
                    } else {
                        connect(up, down, line);
                    }
                    return NONE;
                }
                default -> {
                    return new Unknown(PySyntax.show(c));
                }
            }
        }
        if (self instanceof Partial p) {
            if (name.equals("expand") || name.equals("expand_kwargs")) {
                Map<String, Object> all = new LinkedHashMap<>(p.kwargs());
                all.putAll(kw);
                if (p.callee() instanceof Func f) {
                    List<Object> args = new ArrayList<>(pos);
                    args.add(new PyDict(new LinkedHashMap<>(p.kwargs())));
                    return taskflowCall(f, f.decoration(), args, kw, line, true);
                }
                ClassRef cr = (ClassRef) p.callee();
                TaskB t = newTask(all.get("task_id"), cr.name(), cr.module(), p.line(), all, cr.base(), DagTask.Role.NORMAL,
                        true, false);
                if (t != null) {
                    dataEdges(t, pos, all, line);
                    return t;
                }
                return new Unknown(PySyntax.show(c));
            }
            if (name.equals("partial")) {
                Map<String, Object> all = new LinkedHashMap<>(p.kwargs());
                all.putAll(kw);
                return new Partial(p.callee(), all, p.line());
            }
            return new Unknown(PySyntax.show(c));
        }
        if (self instanceof String s) {
            Object r = stringMethod(s, name, pos, kw);
            return r == null ? new Unknown(PySyntax.show(c)) : r;
        }
        if (self instanceof PyDict d) {
            switch (name) {
                case "items" -> {
                    List<Object> items = new ArrayList<>();
                    for (Map.Entry<Object, Object> e : d.map().entrySet()) {
                        items.add(new PyList(PyValues.list(e.getKey(), e.getValue()), true));
                    }
                    return new PyList(items);
                }
                case "keys" -> {
                    return new PyList(new ArrayList<>(d.map().keySet()));
                }
                case "values" -> {
                    return new PyList(new ArrayList<>(d.map().values()));
                }
                case "get" -> {
                    Object k = pos.isEmpty() ? null : pos.get(0);
                    if (k != null && hashable(k) && d.map().containsKey(k)) {
                        return d.map().get(k);
                    }
                    return pos.size() > 1 ? pos.get(1) : NONE;
                }
                case "copy" -> {
                    return new PyDict(new LinkedHashMap<>(d.map()));
                }
                case "update" -> {
                    if (!pos.isEmpty() && pos.get(0) instanceof PyDict o) {
                        d.map().putAll(o.map());
                    }
                    d.map().putAll(kw);
                    return NONE;
                }
                case "setdefault" -> {
                    if (!pos.isEmpty() && hashable(pos.get(0))) {
                        d.map().putIfAbsent(pos.get(0), pos.size() > 1 ? pos.get(1) : NONE);
                        return d.map().get(pos.get(0));
                    }
                    return NONE;
                }
                case "pop" -> {
                    Object v = pos.isEmpty() || !hashable(pos.get(0)) ? null : d.map().remove(pos.get(0));
                    return v != null ? v : pos.size() > 1 ? pos.get(1) : new Unknown(PySyntax.show(c));
                }
                default -> {
                    return new Unknown(PySyntax.show(c));
                }
            }
        }
        if (self instanceof PyList l && !l.tuple()) {
            switch (name) {
                case "append" -> {
                    if (l.items().size() < MAX_LIST && !pos.isEmpty()) {
                        l.items().add(pos.get(0));
                    }
                    return NONE;
                }
                case "extend" -> {
                    if (!pos.isEmpty() && pos.get(0) instanceof PyList o && l.items().size() + o.items().size() <= MAX_LIST) {
                        l.items().addAll(o.items());
                    }
                    return NONE;
                }
                case "copy" -> {
                    return new PyList(new ArrayList<>(l.items()));
                }
                default -> {
                    return new Unknown(PySyntax.show(c));
                }
            }
        }
        if (self instanceof Duration d && name.equals("total_seconds")) {
            return d.seconds();
        }
        return new Unknown(PySyntax.show(c));
    }

    private static Object stringMethod(String s, String name, List<Object> pos, Map<String, Object> kw) {
        String a0 = !pos.isEmpty() && pos.get(0) instanceof String x ? x : null;
        String a1 = pos.size() > 1 && pos.get(1) instanceof String x ? x : null;
        switch (name) {
            case "replace" -> {
                if (a0 == null || a1 == null || a0.isEmpty()
                        || (long) s.length() / a0.length() * a1.length() + s.length() > MAX_STRING) {
                    return null;
                }
                return s.replace(a0, a1);
            }
            case "lower" -> {
                return s.toLowerCase(java.util.Locale.ROOT);
            }
            case "upper" -> {
                return s.toUpperCase(java.util.Locale.ROOT);
            }
            case "strip" -> {
                return pos.isEmpty() ? s.strip() : null;
            }
            case "lstrip" -> {
                return pos.isEmpty() ? s.stripLeading() : null;
            }
            case "rstrip" -> {
                return pos.isEmpty() ? s.stripTrailing() : null;
            }
            case "title", "capitalize" -> {
                return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
            }
            case "startswith" -> {
                return a0 == null ? null : s.startsWith(a0);
            }
            case "endswith" -> {
                return a0 == null ? null : s.endsWith(a0);
            }
            case "removesuffix" -> {
                return a0 == null ? null : s.endsWith(a0) ? s.substring(0, s.length() - a0.length()) : s;
            }
            case "removeprefix" -> {
                return a0 == null ? null : s.startsWith(a0) ? s.substring(a0.length()) : s;
            }
            case "split" -> {
                if (a0 == null || a0.isEmpty()) {
                    return null;
                }
                List<Object> parts = new ArrayList<>();
                int from = 0;
                while (parts.size() < MAX_LIST) {
                    int at = s.indexOf(a0, from);
                    if (at < 0) {
                        parts.add(s.substring(from));
                        break;
                    }
                    parts.add(s.substring(from, at));
                    from = at + a0.length();
                }
                return new PyList(parts);
            }
            case "join" -> {
                if (!pos.isEmpty() && pos.get(0) instanceof PyList l) {
                    StringBuilder b = new StringBuilder();
                    for (int i = 0; i < l.items().size(); i++) {
                        String x = str(l.items().get(i));
                        if (x == null) {
                            return null;
                        }
                        if (i > 0) {
                            b.append(s);
                        }
                        b.append(x);
                        if (b.length() > MAX_STRING) {
                            return null;
                        }
                    }
                    return b.toString();
                }
                return null;
            }
            case "format" -> {
                return formatMethod(s, pos, kw);
            }
            default -> {
                return null;
            }
        }
    }

    private static Object formatMethod(String s, List<Object> pos, Map<String, Object> kw) {
        StringBuilder b = new StringBuilder();
        int auto = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{') {
                if (i + 1 < s.length() && s.charAt(i + 1) == '{') {
                    b.append('{');
                    i++;
                    continue;
                }
                int end = s.indexOf('}', i);
                if (end < 0) {
                    return null;
                }
                String field = s.substring(i + 1, end);
                String spec = "";
                int colon = field.indexOf(':');
                if (colon >= 0) {
                    spec = field.substring(colon + 1);
                    field = field.substring(0, colon);
                }
                Object v;
                if (field.isEmpty()) {
                    v = auto < pos.size() ? pos.get(auto++) : null;
                } else if (Character.isDigit(field.charAt(0))) {
                    try {
                        int k = Integer.parseInt(field);
                        v = k < pos.size() ? pos.get(k) : null;
                    } catch (NumberFormatException e) {
                        v = null;
                    }
                } else {
                    v = kw.get(field);
                }
                String str = v == null ? null : format(v, spec);
                if (str == null) {
                    return null;
                }
                b.append(str);
                i = end;
            } else if (c == '}' && i + 1 < s.length() && s.charAt(i + 1) == '}') {
                b.append('}');
                i++;
            } else {
                b.append(c);
            }
            if (b.length() > MAX_STRING) {
                return null;
            }
        }
        return b.toString();
    }

    private Object builtin(String name, List<Object> pos, Map<String, Object> kw, PySyntax.Call c) {
        int line = c.line();
        Object a0 = pos.isEmpty() ? null : pos.get(0);
        switch (name) {
            case "range" -> {
                List<Long> n = new ArrayList<>();
                for (Object p : pos) {
                    if (!(p instanceof Long l)) {
                        return new Unknown(PySyntax.show(c));
                    }
                    n.add(l);
                }
                if (n.isEmpty() || n.size() > 3 || (n.size() == 3 && n.get(2) == 0)) {
                    return new Unknown(PySyntax.show(c));
                }
                return n.size() == 1 ? new PyRange(0, n.get(0), 1)
                        : new PyRange(n.get(0), n.get(1), n.size() == 3 ? n.get(2) : 1);
            }
            case "len" -> {
                if (a0 instanceof PyList l) {
                    return (long) l.items().size();
                }
                if (a0 instanceof String s) {
                    return (long) s.length();
                }
                if (a0 instanceof PyDict d) {
                    return (long) d.map().size();
                }
                if (a0 instanceof PyRange r) {
                    return r.size();
                }
                return new Unknown(PySyntax.show(c));
            }
            case "list", "tuple", "sorted", "set", "reversed" -> {
                if (a0 == null) {
                    return new PyList(new ArrayList<>(), name.equals("tuple"));
                }
                if (a0 instanceof PyRange r && r.size() > MAX_LIST) {
                    return new Unknown(PySyntax.show(c));
                }
                Iterator<Object> it = iterate(a0);
                if (it == null) {
                    return new Unknown(PySyntax.show(c));
                }
                List<Object> items = new ArrayList<>();
                it.forEachRemaining(items::add);
                if (name.equals("sorted") && items.stream().allMatch(x -> x instanceof String)) {
                    items.sort((x, y) -> ((String) x).compareTo((String) y));
                } else if (name.equals("reversed")) {
                    java.util.Collections.reverse(items);
                }
                return new PyList(items, name.equals("tuple"));
            }
            case "dict" -> {
                PyDict d = new PyDict();
                if (a0 instanceof PyDict o) {
                    d.map().putAll(o.map());
                }
                d.map().putAll(kw);
                return d;
            }
            case "str" -> {
                String s = a0 == null ? "" : str(a0);
                return s == null ? new Unknown(PySyntax.show(c)) : s;
            }
            case "int" -> {
                if (a0 instanceof Long) {
                    return a0;
                }
                if (a0 instanceof Double d) {
                    return (long) d.doubleValue();
                }
                if (a0 instanceof String s) {
                    try {
                        return Long.parseLong(s.strip());
                    } catch (NumberFormatException e) {
                        return new Unknown(PySyntax.show(c));
                    }
                }
                return new Unknown(PySyntax.show(c));
            }
            case "float" -> {
                return a0 instanceof Number n ? (Object) n.doubleValue() : new Unknown(PySyntax.show(c));
            }
            case "bool" -> {
                Boolean t = truth(a0);
                return t == null ? new Unknown(PySyntax.show(c)) : t;
            }
            case "enumerate", "zip" -> {
                return enumerateOrZip(name, pos, c);
            }
            case "globals" -> {
                return new PyDict();
            }
            case "Path" -> {
                return a0 instanceof String ? a0 : new Unknown(PySyntax.show(c));
            }
            case "chain", "chain_linear" -> {
                chain(pos, line, name.equals("chain_linear"));
                return NONE;
            }
            case "cross_downstream" -> {
                Object from = kw.containsKey("from_tasks") ? kw.get("from_tasks") : a0;
                Object to = kw.containsKey("to_tasks") ? kw.get("to_tasks") : pos.size() > 1 ? pos.get(1) : null;
                connectEvery(from, to, line);
                return NONE;
            }
            default -> {
                return new Unknown(PySyntax.show(c));
            }
        }
    }

    private Object enumerateOrZip(String name, List<Object> pos, PySyntax.Call c) {
        List<List<Object>> cols = new ArrayList<>();
        for (Object p : name.equals("enumerate") ? pos.subList(0, Math.min(1, pos.size())) : pos) {
            if (p instanceof PyRange r && r.size() > MAX_LIST) {
                return new Unknown(PySyntax.show(c));
            }
            Iterator<Object> it = iterate(p);
            if (it == null) {
                return new Unknown(PySyntax.show(c));
            }
            List<Object> col = new ArrayList<>();
            it.forEachRemaining(col::add);
            cols.add(col);
        }
        List<Object> out = new ArrayList<>();
        if (name.equals("enumerate")) {
            if (cols.isEmpty()) {
                return new Unknown(PySyntax.show(c));
            }
            long start = pos.size() > 1 && pos.get(1) instanceof Long l ? l : 0;
            for (int i = 0; i < cols.get(0).size(); i++) {
                out.add(new PyList(PyValues.list(start + i, cols.get(0).get(i)), true));
            }
            return new PyList(out);
        }
        int n = cols.stream().mapToInt(List::size).min().orElse(0);
        for (int i = 0; i < n; i++) {
            List<Object> row = new ArrayList<>();
            for (List<Object> col : cols) {
                row.add(col.get(i));
            }
            out.add(new PyList(row, true));
        }
        return new PyList(out);
    }

    /** Every upstream node to every downstream node, as cross_downstream() does (lists on both sides are its point). */
    private void connectEvery(Object up, Object down, int line) {
        List<Object> ups = nodes(up);
        List<Object> downs = nodes(down);
        if ((ups.isEmpty() && !downs.isEmpty() || downs.isEmpty() && !ups.isEmpty()) && once("unresolved-edge" + line)) {
            info(line, "one side of a dependency is not known statically; that dependency is not read");
        }
        for (Object u : ups) {
            for (Object d : downs) {
                model.edges.add(new DagModel.RawEdge(u, d, line));
            }
        }
    }

    /** {@code Label("x")} (an edge modifier) or a list made only of them: it names an edge but is no node. */
    private static boolean isLabel(Object v) {
        if (v instanceof Unknown u) {
            return u.text().startsWith("Label(") || u.text().startsWith("EdgeModifier(");
        }
        if (v instanceof PyList l && !l.items().isEmpty()) {
            for (Object x : l.items()) {
                if (!isLabel(x)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** Airflow's chain(): neighbours connect; two lists of equal length connect element-wise. */
    private void chain(List<Object> all, int line, boolean linear) {
        // labels only name the edge between their neighbours: chain(a, Label("x"), b) is the edge a -> b
        List<Object> items = new ArrayList<>();
        for (Object x : all) {
            if (!isLabel(x)) {
                items.add(x);
            }
        }
        for (int i = 0; i + 1 < items.size(); i++) {
            Object a = items.get(i);
            Object b = items.get(i + 1);
            if (!linear && a instanceof PyList la && b instanceof PyList lb) {
                if (la.items().size() != lb.items().size()) {
                    error(line, "chain() got lists of different lengths (" + la.items().size() + " and "
                            + lb.items().size() + "); Airflow rejects this");
                    continue;
                }
                for (int k = 0; k < la.items().size(); k++) {
                    connect(la.items().get(k), lb.items().get(k), line);
                }
            } else {
                List<Object> ups = nodes(a);
                List<Object> downs = nodes(b);
                for (Object u : ups) {
                    for (Object d : downs) {
                        model.edges.add(new DagModel.RawEdge(u, d, line));
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- building DAGs, groups, tasks

    private DagB newDag(Object idValue, Map<String, Object> kw, int line, PySyntax.Call c) {
        String id;
        if (idValue instanceof String s && !s.isEmpty()) {
            id = s;
        } else {
            id = fileStem;
            warn(line, "could not resolve dag_id" + (idValue instanceof Unknown u ? " '" + u.text() + "'" : "")
                    + " at line " + line + "; assumed the file name '" + fileStem + "'");
        }
        DagB d = new DagB(id, line, new LinkedHashMap<>(kw));
        model.dags.add(d);
        return d;
    }

    private GroupB newGroup(Object labelValue, Map<String, Object> kw, int line, boolean unique) {
        DagB dag = kw.get("dag") instanceof DagB d ? d : dagStack.peek();
        GroupB parent = kw.get("parent_group") instanceof GroupB p ? p : currentGroup(dag);
        String label;
        if (labelValue instanceof String s) {
            label = s;
        } else if (labelValue instanceof PySyntax.NoneValue) {
            label = null;
        } else {
            label = "unresolved_" + line;
            warn(line, "could not resolve the task group id at line " + line + "; assumed '" + label + "'");
        }
        boolean prefix = !(kw.get("prefix_group_id") instanceof Boolean b) || b;
        if (unique && label != null) {
            String base = label;
            int k = 0;
            while (groupIdTaken(dag, new GroupB(label, parent, prefix, dag, line, null).groupId())) {
                label = base + "__" + (++k);
            }
        }
        GroupB g = new GroupB(label, parent, prefix, dag, line, kw.get("default_args"));
        model.groups.add(g);
        if (label != null) {
            groupIdsOf(dag).add(g.groupId());
        }
        return g;
    }

    private final Map<DagB, Set<String>> groupIds = new IdentityHashMap<>();
    private final Set<String> orphanGroupIds = new HashSet<>();

    private Set<String> groupIdsOf(DagB dag) {
        return dag == null ? orphanGroupIds : groupIds.computeIfAbsent(dag, k -> new HashSet<>());
    }

    private boolean groupIdTaken(DagB dag, String id) {
        return groupIdsOf(dag).contains(id);
    }

    private GroupB currentGroup(DagB dag) {
        GroupB g = groupStack.peek();
        return g != null && (g.dag == dag || dag == null) ? g : null;
    }

    /** Creates a task; its id gets the group prefix, and TaskFlow ids are made unique (name, name__1, ...). */
    private TaskB newTask(Object idValue, String operator, String module, int line, Map<String, Object> kw, String base,
                          DagTask.Role role, boolean mapped, boolean taskflow) {
        if (model.taskCount >= MAX_TASKS) {
            if (once("maxtasks")) {
                warn(line, "more than " + MAX_TASKS + " tasks in this file; the rest were not read");
            }
            return null;
        }
        model.taskCount++;
        DagB dag = kw.get("dag") instanceof DagB d ? d : dagStack.peek();
        GroupB group = kw.get("task_group") instanceof GroupB g ? g : currentGroup(dag);
        if (dag == null && group != null) {
            dag = group.dag;
        }
        String label;
        if (idValue instanceof String s && !s.isEmpty()) {
            label = s;
        } else {
            label = "unresolved_" + line;
            String what = idValue instanceof Unknown u ? " '" + u.text() + "'" : idValue == null ? " (no task_id given)" : "";
            warn(line, "could not resolve task_id" + what + " at line " + line + "; assumed '" + label + "'");
        }
        String id = group != null ? group.childId(label) : label;
        if (taskflow) {
            id = uniqueId(dag, id);
        }
        Map<String, Object> kwargs = new LinkedHashMap<>(kw);
        if (base != null && !base.isEmpty()) {
            kwargs.put("\0base", base);
        }
        TaskB t = new TaskB(id, operator, module, line, kwargs, dag, group, role, mapped || mappedGroupDepth > 0);
        if (dag != null) {
            addTask(dag, t);
        } else {
            model.orphans.add(t);
        }
        return t;
    }

    private String uniqueId(DagB dag, String id) {
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
            error(t.line, "duplicate task_id '" + t.taskId + "' in DAG '" + dag.dagId + "': defined at line " + first.line
                    + " and again at line " + t.line);
            t.dag = dag;
            return;
        }
        t.dag = dag;
        dag.tasks.put(t.taskId, t);
    }

    static String className(Object v) {
        if (v instanceof ClassRef c) {
            return c.name();
        }
        if (v instanceof ModuleRef m) {
            int dot = m.module().lastIndexOf('.');
            return dot < 0 ? m.module() : m.module().substring(dot + 1);
        }
        if (v instanceof Unknown u) {
            int dot = u.text().lastIndexOf('.');
            return dot < 0 ? u.text() : u.text().substring(dot + 1);
        }
        return "";
    }
}
