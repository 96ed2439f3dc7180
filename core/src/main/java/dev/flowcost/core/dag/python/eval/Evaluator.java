package dev.flowcost.core.dag.python.eval;

import dev.flowcost.core.DiagnosticCode;
import dev.flowcost.core.dag.python.eval.PyValues.Bound;
import dev.flowcost.core.dag.python.eval.PyValues.Builtin;
import dev.flowcost.core.dag.python.eval.PyValues.ClassRef;
import dev.flowcost.core.dag.python.eval.PyValues.Duration;
import dev.flowcost.core.dag.python.eval.PyValues.Func;
import dev.flowcost.core.dag.python.eval.PyValues.ModuleRef;
import dev.flowcost.core.dag.python.eval.PyValues.PyDict;
import dev.flowcost.core.dag.python.eval.PyValues.PyList;
import dev.flowcost.core.dag.python.eval.PyValues.PyRange;
import dev.flowcost.core.dag.python.eval.PyValues.Unknown;
import dev.flowcost.core.dag.python.syntax.PySyntax;
import dev.flowcost.core.dag.python.syntax.PySyntax.Expr;
import dev.flowcost.core.dag.python.syntax.PySyntax.Stmt;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A bounded abstract evaluator of Python: literals, variables, f-strings and formatting, operators, loops over known
 * collections, comprehensions, functions and plain classes defined in the file. It never runs anything outside the
 * file: names and calls it does not know go to its {@link Host}, and what neither knows becomes an {@link Unknown}
 * and, where it matters, a diagnostic. Loops and steps are bounded per {@link Budget}, depth and calls per statement.
 */
public final class Evaluator {

    public static final int MAX_DEPTH = 400;
    public static final int MAX_CALL_DEPTH = 20;
    public static final int MAX_STRING = 100_000;
    public static final int MAX_LIST = 10_000;
    /** Evaluation steps one file may take across all its budgets: the bound that keeps a file of many DAGs finite. */
    public static final int MAX_FILE_STEPS = 5 * Budget.MAX_STEPS;
    /** Key under which a call records a {@code **mapping} whose keys are not known: any keyword may come from it. */
    public static final String UNKNOWN_SPREAD = "\0spread";
    public static final Object NONE = PySyntax.NoneValue.NONE;

    private enum Signal { NORMAL, BREAK, CONTINUE, RETURN }

    /** Stops the whole walk: the file exceeded its overall bound. */
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

    /** Stops the code charged to a budget whose steps ran out, up to where that budget was taken on. */
    private static final class Spent extends RuntimeException {
        final transient Budget budget;

        Spent(Budget budget) {
            super("budget spent", null, false, false);
            this.budget = budget;
        }
    }

    private final Reporter report;
    private final Host host;
    private final Scope globals = new Scope(null);
    private final Budget moduleBudget = new Budget(null);
    private Budget budget = moduleBudget;
    private int fileSteps;
    private int line;
    private int depth;
    private int callDepth;
    private Object returnValue = NONE;

    /** An evaluator for one module with the given names pre-bound; {@code host} is made with this evaluator. */
    public Evaluator(Reporter report, Map<String, Object> moduleNames, Function<Evaluator, Host> host) {
        this.report = report;
        globals.vars.putAll(moduleNames);
        for (String b : Builtins.NAMES) {
            globals.vars.put(b, new Builtin(b));
        }
        this.host = host.apply(this);
    }

    public Reporter report() {
        return report;
    }

    /** Walks the module, one top-level statement at a time. */
    public void run(List<Stmt> module) {
        for (Stmt s : module) {
            depth = 0;
            callDepth = 0;
            try {
                exec(s, globals);
            } catch (TooDeep e) {
                report.warn(DiagnosticCode.DAG_LIMIT, s.line(), "statement nests deeper than " + MAX_DEPTH + " levels; not read");
            } catch (Spent e) {
                if (e.budget == moduleBudget) {
                    break;
                }
            } catch (Halt e) {
                report.error(DiagnosticCode.DAG_PYTHON_ERROR, s.line(), e.getMessage());
                break;
            }
        }
        host.finished();
    }

    // ---------------------------------------------------------------- budgets

    /**
     * Runs {@code body} charged to {@code b} (a DAG's budget while its block runs); when b's steps run out the rest
     * of the body is skipped and null is returned.
     */
    public <T> T charging(Budget b, Supplier<T> body) {
        Budget saved = budget;
        budget = b;
        try {
            return b.stepsSpent ? null : body.get();
        } catch (Spent e) {
            if (e.budget != b) {
                throw e;
            }
            return null;
        } finally {
            budget = saved;
        }
    }

    private void step() {
        if (++fileSteps > MAX_FILE_STEPS) {
            throw new Halt("file too complex to read within " + MAX_FILE_STEPS + " evaluation steps; reading stopped");
        }
        if (++budget.steps > Budget.MAX_STEPS) {
            if (!budget.stepsSpent) {
                budget.stepsSpent = true;
                host.budgetSpent(budget, Budget.Kind.STEPS, line);
            }
            throw new Spent(budget);
        }
    }

    private boolean countIteration(int loopLine) {
        if (++budget.iterations > Budget.MAX_LOOP_ITERATIONS) {
            if (!budget.iterationsSpent) {
                budget.iterationsSpent = true;
                host.budgetSpent(budget, Budget.Kind.LOOP_ITERATIONS, loopLine);
            }
            return false;
        }
        return true;
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
        line = s.line();
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
            Object defined = host.define(f, scope);
            scope.set(f.name(), defined != null ? defined : new Func(f, scope, null));
        } else if (s instanceof PySyntax.ClassDef c) {
            classDef(c, scope);
        } else if (s instanceof PySyntax.For f) {
            return forLoop(f, scope);
        } else if (s instanceof PySyntax.While w) {
            report.warn(DiagnosticCode.DAG_NOT_STATIC, w.line(),
                    "while loop not executed: the reader never runs loops without a known end; its body is not read");
        } else if (s instanceof PySyntax.If i) {
            Boolean cond = Operators.truth(eval(i.test(), scope));
            if (cond == null) {
                report.info(DiagnosticCode.DAG_NOT_STATIC, i.line(),
                        "condition '" + PySyntax.show(i.test()) + "' is not known statically; read the if-branch only");
                return execAll(i.body(), scope);
            }
            return execAll(cond ? i.body() : i.orElse(), scope);
        } else if (s instanceof PySyntax.Return r) {
            returnValue = r.value() == null ? NONE : eval(r.value(), scope);
            return Signal.RETURN;
        } else if (s instanceof PySyntax.Try t) {
            return tryStmt(t, scope);
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

    private Signal tryStmt(PySyntax.Try t, Scope scope) {
        Signal sig = execAll(t.body(), scope);
        for (List<Stmt> h : t.handlers()) {
            for (Stmt hs : h) {
                if (hs instanceof PySyntax.Import im) {
                    // the fallback import of "try: import A except ImportError: import B" only fills gaps
                    List<PySyntax.ImportName> missing = new ArrayList<>();
                    for (PySyntax.ImportName n : im.names()) {
                        String bound = n.alias() != null ? n.alias() : n.name() != null ? n.name()
                                : n.module().split("\\.")[0];
                        if (!scope.has(bound)) {
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
    }

    /** A class of plain classes runs its body as a {@link UserClass}; any other base makes a class the host may know. */
    private void classDef(PySyntax.ClassDef c, Scope scope) {
        List<Object> bases = new ArrayList<>();
        for (Expr b : c.bases()) {
            bases.add(eval(b, scope));
        }
        if (bases.stream().allMatch(b -> b instanceof UserClass || b instanceof Builtin bi && bi.name().equals("object")
                || b instanceof Unknown u && u.text().equals("object"))) {
            UserClass uc = new UserClass(c.name());
            for (int i = bases.size() - 1; i >= 0; i--) {
                if (bases.get(i) instanceof UserClass b) {
                    uc.members.putAll(b.members);
                }
            }
            Scope body = new Scope(scope);
            execAll(c.body(), body);
            uc.members.putAll(body.vars);
            scope.set(c.name(), uc);
        } else {
            String base = bases.isEmpty() ? "" : className(bases.get(0));
            scope.set(c.name(), new ClassRef(c.name(), "", base));
        }
    }

    private void importNames(PySyntax.Import im, Scope scope) {
        for (PySyntax.ImportName n : im.names()) {
            host.imported(n.module());
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
                report.info(DiagnosticCode.DAG_NOTE, im.line(),
                        "'from " + n.module() + " import *': names from it are taken by their class names");
            } else {
                scope.set(n.alias() != null ? n.alias() : n.name(), new ClassRef(n.name(), n.module(), ""));
            }
        }
    }

    private Signal with(PySyntax.With w, Scope scope) {
        List<Runnable> exits = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        try {
            for (PySyntax.WithItem item : w.items()) {
                Object v = eval(item.context(), scope);
                Runnable exit = host.enter(v);
                if (exit != null) {
                    exits.add(exit);
                }
                values.add(v);
                if (item.target() != null) {
                    assign(item.target(), v, scope);
                }
            }
            Signal sig = host.withBody(values, w.line(), () -> execAll(w.body(), scope));
            return sig == null ? Signal.NORMAL : sig;
        } finally {
            for (int i = exits.size() - 1; i >= 0; i--) {
                exits.get(i).run();
            }
        }
    }

    private Signal forLoop(PySyntax.For f, Scope scope) {
        Object iterable = eval(f.iter(), scope);
        Iterator<Object> it = Builtins.iterate(iterable);
        if (it == null) {
            report.info(DiagnosticCode.DAG_NOT_STATIC, f.line(),
                    "loop over '" + PySyntax.show(f.iter()) + "' is not known statically; loop body read once");
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
            if (obj instanceof PyDict d && Operators.hashable(key)) {
                d.map().put(key, v);
            } else if (obj instanceof PyList l && key instanceof Long i && !l.tuple()) {
                int idx = (int) (i < 0 ? l.items().size() + i : i);
                if (idx >= 0 && idx < l.items().size()) {
                    l.items().set(idx, v);
                }
            }
        } else if (target instanceof PySyntax.Attr a) {
            if (eval(a.obj(), scope) instanceof PyObject o) {
                o.setAttribute(a.name(), v);
            }
        } else if (target instanceof PySyntax.Starred st) {
            assign(st.value(), v, scope);
        }
    }

    // ---------------------------------------------------------------- expressions

    /** The value of an expression in a scope. */
    public Object eval(Expr e, Scope scope) {
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
            if (v == null && !scope.has(n.id())) {
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
            return sequence(s, scope);
        }
        if (e instanceof PySyntax.DictE d) {
            return dict(d, scope);
        }
        if (e instanceof PySyntax.BinOp b) {
            if (b.op().equals("and") || b.op().equals("or")) {
                Object l = eval(b.left(), scope);
                Boolean t = Operators.truth(l);
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
            return unary(u, eval(u.operand(), scope));
        }
        if (e instanceof PySyntax.IfExp i) {
            Boolean t = Operators.truth(eval(i.test(), scope));
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

    private Object sequence(PySyntax.Seq s, Scope scope) {
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

    private Object dict(PySyntax.DictE d, Scope scope) {
        PyDict out = new PyDict();
        for (int i = 0; i < d.keys().size(); i++) {
            Object v = eval(d.values().get(i), scope);
            if (d.keys().get(i) == null) {
                if (v instanceof PyDict other) {
                    out.map().putAll(other.map());
                }
            } else {
                Object k = eval(d.keys().get(i), scope);
                if (Operators.hashable(k)) {
                    out.map().put(k, v);
                }
            }
        }
        return out;
    }

    private static Object unary(PySyntax.Unary u, Object v) {
        switch (u.op()) {
            case "not" -> {
                Boolean t = Operators.truth(v);
                return t == null ? new Unknown(PySyntax.show(u)) : !t;
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
                return new Unknown(PySyntax.show(u));
            }
            case "+" -> {
                return v;
            }
            default -> {
                return new Unknown(PySyntax.show(u));
            }
        }
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

    private Object binary(String op, Object l, Object r, int at, Expr whole) {
        Object hosted = host.operator(op, l, r, at, whole);
        return hosted != null ? hosted : Operators.binary(op, l, r, whole);
    }

    private Object fstring(PySyntax.FStr f, Scope scope) {
        StringBuilder b = new StringBuilder();
        for (Object part : f.parts()) {
            if (part instanceof PySyntax.Field fd) {
                Object v = eval(fd.expr(), scope);
                String s = Strings.format(v, fd.spec());
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

    private Object comprehension(PySyntax.Comp c, Scope scope) {
        Scope inner = new Scope(scope);
        List<Object> out = new ArrayList<>();
        PyDict dict = new PyDict();
        compClause(c, 0, inner, out, dict);
        if (c.dict()) {
            return dict;
        }
        return new PyList(out, c.kind() == PySyntax.SeqKind.TUPLE);
    }

    private void compClause(PySyntax.Comp c, int i, Scope scope, List<Object> out, PyDict dict) {
        if (i == c.clauses().size()) {
            if (c.dict()) {
                Object k = eval(c.element(), scope);
                Object v = eval(c.value(), scope);
                if (Operators.hashable(k) && dict.map().size() < MAX_LIST) {
                    dict.map().put(k, v);
                }
            } else if (out.size() < MAX_LIST) {
                out.add(eval(c.element(), scope));
            }
            return;
        }
        PySyntax.CompFor clause = c.clauses().get(i);
        Iterator<Object> it = Builtins.iterate(eval(clause.iter(), scope));
        if (it == null) {
            report.info(DiagnosticCode.DAG_NOT_STATIC, c.line(), "comprehension over '" + PySyntax.show(clause.iter())
                    + "' is not known statically; loop body read once");
            assign(clause.target(), new Unknown(PySyntax.show(clause.target())), scope);
            compClause(c, i + 1, scope, out, dict);
            return;
        }
        while (it.hasNext()) {
            if (!countIteration(c.line())) {
                return;
            }
            assign(clause.target(), it.next(), scope);
            boolean keep = true;
            for (Expr cond : clause.conditions()) {
                Boolean t = Operators.truth(eval(cond, scope));
                if (t != null && !t) {
                    keep = false;
                }
            }
            if (keep) {
                compClause(c, i + 1, scope, out, dict);
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
            Object self = obj instanceof PyObject o ? o.subscript(true) : null;
            return self != null ? self : new Unknown(PySyntax.show(whole));
        }
        Object key = eval(indexExpr, scope);
        Object self = obj instanceof PyObject o ? o.subscript(false) : null;
        if (self != null) {
            return self;
        }
        if (obj instanceof PyDict d && Operators.hashable(key) && d.map().containsKey(key)) {
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
        if (obj instanceof PyObject o) {
            return o.attribute(name, whole);
        }
        if (obj instanceof ModuleRef m) {
            return new ModuleRef(m.module() + "." + name);
        }
        if (obj instanceof ClassRef c) {
            if (host.isClassMethod(name)) {
                return new Bound(c, name);
            }
            return new ClassRef(name, c.module().isEmpty() ? c.name() : c.module() + "." + c.name(), "");
        }
        if (obj instanceof String s) {
            // a path held as a string (pathlib.Path is read as str)
            switch (name) {
                case "stem" -> {
                    String base = Builtins.basename(s);
                    int dot = base.lastIndexOf('.');
                    return dot > 0 ? base.substring(0, dot) : base;
                }
                case "name" -> {
                    return Builtins.basename(s);
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

    // ---------------------------------------------------------------- calls

    /** Evaluates call arguments into positional and keyword values, spreading known {@code *} and {@code **}. */
    public void evalArgs(List<PySyntax.Arg> args, Scope scope, List<Object> pos, Map<String, Object> kw) {
        for (PySyntax.Arg a : args) {
            Object v = eval(a.value(), scope);
            if (a.star() == 1) {
                if (v instanceof PyList l) {
                    pos.addAll(l.items());
                } else if (v instanceof PyRange r && r.size() <= MAX_LIST) {
                    Iterator<Object> it = Builtins.iterate(r);
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
        return callValue(fn, new Args(pos, kw, c));
    }

    /** Calls a value: a function or class of the file, a bound method, a built-in; the host answers the rest. */
    public Object callValue(Object fn, Args a) {
        if (fn instanceof Func f && f.decoration() == null) {
            return invoke(f, a.pos(), a.kw(), a.line());
        }
        if (fn instanceof Bound b) {
            return callMethod(b.self(), b.name(), a);
        }
        if (fn instanceof UserClass uc) {
            Instance inst = new Instance(uc);
            if (uc.members.get("__init__") instanceof Func) {
                callMember(inst, uc, "__init__", a);
            }
            return inst;
        }
        if (fn instanceof Builtin b) {
            return Builtins.call(b.name(), a);
        }
        if (fn instanceof ModuleRef m) {
            Object r = Builtins.moduleFunction(m.module(), a, this);
            if (r != null) {
                return r;
            }
        }
        Object r = host.call(fn, a);
        return r != null ? r : a.unknown();
    }

    private Object callMethod(Object self, String name, Args a) {
        if (self instanceof PyObject o) {
            return o.callMethod(name, a, this);
        }
        if (self instanceof String s) {
            Object r = Strings.method(s, name, a.pos(), a.kw());
            return r == null ? a.unknown() : r;
        }
        Object r = host.callMethod(self, name, a);
        return r != null ? r : a.unknown();
    }

    /** Calls a member of a plain class through an instance or the class itself, binding self or cls. */
    Object callMember(Object self, UserClass cls, String name, Args a) {
        Object member = cls.members.get(name);
        if (!(member instanceof Func f)) {
            return member == null ? a.unknown() : callValue(member, a);
        }
        List<Object> args = new ArrayList<>();
        if (decoratedWith(f, "classmethod")) {
            args.add(cls);
        } else if (!decoratedWith(f, "staticmethod") && self instanceof Instance) {
            args.add(self);
        }
        args.addAll(a.pos());
        return callValue(f, a.withPositional(args));
    }

    private static boolean decoratedWith(Func f, String name) {
        for (Expr d : f.def().decorators()) {
            if (d instanceof PySyntax.Name n && n.id().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Runs a function of the file with its arguments bound; its return value, or None. */
    public Object invoke(Func f, List<Object> pos, Map<String, Object> kw, int at) {
        if (callDepth >= MAX_CALL_DEPTH) {
            if (report.once("calldepth")) {
                report.warn(DiagnosticCode.DAG_LIMIT, at,
                        "function calls nest deeper than " + MAX_CALL_DEPTH + "; the deeper calls are not read");
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

    /**
     * {@code os.getenv("ENV", "dev")} or a library's settings lookup: the value lives outside the file, so its
     * default is taken, as a file parsed where it is unset would see it.
     */
    public Object setting(String what, List<Object> pos, Object kwDefault, PySyntax.Call c) {
        Object dflt = kwDefault != null ? kwDefault : pos.size() > 1 ? pos.get(1) : null;
        String key = !pos.isEmpty() && pos.get(0) instanceof String k ? k : PySyntax.show(c);
        if (dflt == null || dflt instanceof Unknown) {
            return new Unknown(PySyntax.show(c));
        }
        if (report.once("setting" + key)) {
            report.info(DiagnosticCode.DAG_NOT_STATIC, c.line(),
                    what + " '" + key + "' is not known statically; assumed its default " + Repr.of(dflt));
        }
        return dflt;
    }

    /** The short class name a base-class value stands for ("" when none). */
    public static String className(Object v) {
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
