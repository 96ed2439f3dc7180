package dev.flowcost.core.dag.python;

import dev.flowcost.core.dag.python.syntax.PySyntax;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values the abstract interpreter tracks. Plain Python data are Java values (String, Long, Double, Boolean,
 * {@link PySyntax.NoneValue}, {@link PyList}, {@link PyDict}); everything the reader cannot know is
 * {@link Unknown}, carrying the text it came from so a diagnostic can quote it.
 */
final class PyValues {

    private PyValues() {
    }

    /** A value not known statically. */
    record Unknown(String text) {
    }

    /** A list, tuple or set. */
    record PyList(List<Object> items, boolean tuple) {
        PyList(List<Object> items) {
            this(items, false);
        }
    }

    /** A dict with keys in insertion order. */
    record PyDict(LinkedHashMap<Object, Object> map) {
        PyDict() {
            this(new LinkedHashMap<>());
        }
    }

    /** range(start, stop, step), iterated lazily so a huge range costs nothing until looped over. */
    record PyRange(long start, long stop, long step) {
        long size() {
            if (step > 0) {
                return start >= stop ? 0 : (stop - start + step - 1) / step;
            }
            return start <= stop ? 0 : (start - stop - step - 1) / (-step);
        }
    }

    /** A timedelta (or pendulum duration): seconds plus the text as written. */
    record Duration(double seconds, String text) {
    }

    /** A Dataset / Asset (or a combination of them) used as a schedule. */
    record DatasetRef(String text) {
    }

    /** A class or function imported from a module (or defined in the file: module ""). */
    record ClassRef(String name, String module, String base) {
    }

    /** An imported module. */
    record ModuleRef(String module) {
    }

    /** A built-in function or one of the few library helpers the interpreter models ("range", "chain", ...). */
    record Builtin(String name) {
    }

    /** A method looked up on a value: called later. */
    record Bound(Object self, String name) {
    }

    /** A function defined in the file, with the scope it closes over and what its decorators make it. */
    record Func(PySyntax.FuncDef def, Scope closure, Decoration decoration) {
    }

    /** What decorators made a function: a TaskFlow task, a @dag, a @task_group, or nothing. */
    record Decoration(Kind kind, String operator, String module, Map<String, Object> kwargs,
                      dev.flowcost.core.dag.DagTask.Role role) {
        enum Kind { PLAIN, TASK, DAG, TASK_GROUP }

        static final Decoration PLAIN = new Decoration(Kind.PLAIN, "", "", Map.of(),
                dev.flowcost.core.dag.DagTask.Role.NORMAL);

        Decoration with(Map<String, Object> more) {
            Map<String, Object> m = new LinkedHashMap<>(kwargs);
            m.putAll(more);
            return new Decoration(kind, operator, module, m, role);
        }
    }

    /** {@code Op.partial(...)} or {@code task_fn.partial(...)} waiting for {@code .expand(...)}. */
    record Partial(Object callee, Map<String, Object> kwargs, int line) {
    }

    /** Several XCom producers combined ({@code a.zip(b)}). */
    record XComGroup(List<Object> refs) {
    }

    /**
     * A plain class defined in the file (a DAG builder, a config holder; not an operator subclass): its methods and
     * class attributes, so that code building DAGs through it can run. Identity, not content, makes two equal.
     */
    static final class UserClass {
        final String name;
        final Map<String, Object> members = new LinkedHashMap<>();

        UserClass(String name) {
            this.name = name;
        }
    }

    /** An instance of a {@link UserClass}: its own attributes ({@code self.x = ...}). */
    static final class Instance {
        final UserClass cls;
        final Map<String, Object> attrs = new LinkedHashMap<>();

        Instance(UserClass cls) {
            this.cls = cls;
        }
    }

    /** A name → value scope; function scopes point at their parent. */
    static final class Scope {
        final Map<String, Object> vars = new LinkedHashMap<>();
        final Scope parent;
        final java.util.Set<String> globals = new java.util.HashSet<>();

        Scope(Scope parent) {
            this.parent = parent;
        }

        Object lookup(String name) {
            for (Scope s = this; s != null; s = s.parent) {
                Object v = s.vars.get(name);
                if (v != null || s.vars.containsKey(name)) {
                    return v;
                }
            }
            return null;
        }

        void set(String name, Object value) {
            if (globals.contains(name)) {
                Scope s = this;
                while (s.parent != null) {
                    s = s.parent;
                }
                s.vars.put(name, value);
                return;
            }
            vars.put(name, value);
        }
    }

    static List<Object> list(Object... items) {
        return new ArrayList<>(List.of(items));
    }
}
