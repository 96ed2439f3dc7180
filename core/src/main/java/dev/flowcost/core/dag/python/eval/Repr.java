package dev.flowcost.core.dag.python.eval;

import dev.flowcost.core.dag.python.eval.PyValues.ClassRef;
import dev.flowcost.core.dag.python.eval.PyValues.Duration;
import dev.flowcost.core.dag.python.eval.PyValues.Func;
import dev.flowcost.core.dag.python.eval.PyValues.PyDict;
import dev.flowcost.core.dag.python.eval.PyValues.PyList;
import dev.flowcost.core.dag.python.eval.PyValues.Unknown;
import java.util.Locale;
import java.util.Map;

/** Python-like text of a value, as a diagnostic or a DAG argument shows it where the value is not a plain string. */
public final class Repr {

    private Repr() {
    }

    public static String of(Object v) {
        return of(v, 0);
    }

    private static String of(Object v, int depth) {
        if (depth > 20) {
            return "...";
        }
        if (v instanceof String s) {
            return "'" + s + "'";
        }
        if (v instanceof Duration d) {
            return d.text();
        }
        if (v instanceof Unknown u) {
            return u.text();
        }
        if (v instanceof PyList l) {
            StringBuilder b = new StringBuilder(l.tuple() ? "(" : "[");
            for (int i = 0; i < l.items().size() && b.length() < 2000; i++) {
                b.append(i > 0 ? ", " : "").append(of(l.items().get(i), depth + 1));
            }
            return b.append(l.tuple() ? ")" : "]").toString();
        }
        if (v instanceof PyDict d) {
            StringBuilder b = new StringBuilder("{");
            int i = 0;
            for (Map.Entry<Object, Object> e : d.map().entrySet()) {
                if (b.length() > 2000) {
                    break;
                }
                b.append(i++ > 0 ? ", " : "").append(of(e.getKey(), depth + 1)).append(": ")
                        .append(of(e.getValue(), depth + 1));
            }
            return b.append('}').toString();
        }
        if (v instanceof ClassRef c) {
            return c.module().isEmpty() ? c.name() : c.module() + "." + c.name();
        }
        if (v instanceof PyObject o && o.repr() != null) {
            return o.repr();
        }
        if (v instanceof Func f) {
            return f.def().name();
        }
        String s = Operators.str(v);
        return s == null ? String.valueOf(v).toLowerCase(Locale.ROOT).contains("@") ? "<object>" : String.valueOf(v) : s;
    }
}
