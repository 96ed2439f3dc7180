package dev.flowcost.core.dag.python.eval;

import dev.flowcost.core.dag.python.syntax.PySyntax;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Python values the evaluator tracks. Plain data are Java values (String, Long, Double, Boolean,
 * {@link PySyntax.NoneValue}) or the records here; everything the reader cannot know is {@link Unknown}, carrying
 * the text it came from so a diagnostic can quote it. The containers answer their own methods.
 */
public final class PyValues {

    static final Object NONE = PySyntax.NoneValue.NONE;

    private PyValues() {
    }

    /** A value not known statically. */
    public record Unknown(String text) {
    }

    /** A list, tuple or set. */
    public record PyList(List<Object> items, boolean tuple) implements PyObject {
        public PyList(List<Object> items) {
            this(items, false);
        }

        @Override
        public Object callMethod(String name, Args a, Evaluator ev) {
            if (tuple) {
                return a.unknown();
            }
            switch (name) {
                case "append" -> {
                    if (items.size() < Evaluator.MAX_LIST && !a.pos().isEmpty()) {
                        items.add(a.at(0));
                    }
                    return NONE;
                }
                case "extend" -> {
                    if (a.at(0) instanceof PyList o && items.size() + o.items().size() <= Evaluator.MAX_LIST) {
                        items.addAll(o.items());
                    }
                    return NONE;
                }
                case "copy" -> {
                    return new PyList(new ArrayList<>(items));
                }
                default -> {
                    return a.unknown();
                }
            }
        }
    }

    /** A dict with keys in insertion order. */
    public record PyDict(LinkedHashMap<Object, Object> map) implements PyObject {
        public PyDict() {
            this(new LinkedHashMap<>());
        }

        @Override
        public Object callMethod(String name, Args a, Evaluator ev) {
            List<Object> pos = a.pos();
            switch (name) {
                case "items" -> {
                    List<Object> items = new ArrayList<>();
                    for (Map.Entry<Object, Object> e : map.entrySet()) {
                        items.add(new PyList(list(e.getKey(), e.getValue()), true));
                    }
                    return new PyList(items);
                }
                case "keys" -> {
                    return new PyList(new ArrayList<>(map.keySet()));
                }
                case "values" -> {
                    return new PyList(new ArrayList<>(map.values()));
                }
                case "get" -> {
                    Object k = a.at(0);
                    if (k != null && Operators.hashable(k) && map.containsKey(k)) {
                        return map.get(k);
                    }
                    return pos.size() > 1 ? pos.get(1) : NONE;
                }
                case "copy" -> {
                    return new PyDict(new LinkedHashMap<>(map));
                }
                case "update" -> {
                    if (a.at(0) instanceof PyDict o) {
                        map.putAll(o.map());
                    }
                    map.putAll(a.kw());
                    return NONE;
                }
                case "setdefault" -> {
                    if (!pos.isEmpty() && Operators.hashable(pos.get(0))) {
                        map.putIfAbsent(pos.get(0), pos.size() > 1 ? pos.get(1) : NONE);
                        return map.get(pos.get(0));
                    }
                    return NONE;
                }
                case "pop" -> {
                    Object v = pos.isEmpty() || !Operators.hashable(pos.get(0)) ? null : map.remove(pos.get(0));
                    return v != null ? v : pos.size() > 1 ? pos.get(1) : a.unknown();
                }
                default -> {
                    return a.unknown();
                }
            }
        }
    }

    /** range(start, stop, step), iterated lazily so a huge range costs nothing until looped over. */
    public record PyRange(long start, long stop, long step) {
        public long size() {
            if (step > 0) {
                return start >= stop ? 0 : (stop - start + step - 1) / step;
            }
            return start <= stop ? 0 : (start - stop - step - 1) / (-step);
        }
    }

    /** A timedelta (or pendulum duration): seconds plus the text as written. */
    public record Duration(double seconds, String text) implements PyObject {

        /** {@code timedelta(days, seconds, microseconds, milliseconds, minutes, hours, weeks)} as Python orders them. */
        public static Duration of(Args a) {
            String[] order = {"days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"};
            double[] factor = {86400, 1, 1e-6, 1e-3, 60, 3600, 604800};
            double total = 0;
            for (int i = 0; i < order.length; i++) {
                Object v = i < a.pos().size() ? a.pos().get(i) : a.kw().get(order[i]);
                if (v instanceof Number n) {
                    total += n.doubleValue() * factor[i];
                }
            }
            return new Duration(total, PySyntax.show(a.call()));
        }

        @Override
        public Object callMethod(String name, Args a, Evaluator ev) {
            return name.equals("total_seconds") ? (Object) seconds : a.unknown();
        }
    }

    /** A class or function imported from a module (or defined in the file: module ""). */
    public record ClassRef(String name, String module, String base) {
    }

    /** An imported module. */
    public record ModuleRef(String module) {
    }

    /** A built-in function ("range", "len", ...). */
    public record Builtin(String name) {
    }

    /** A method looked up on a value: called later. */
    public record Bound(Object self, String name) {
    }

    /** A function defined in the file, the scope it closes over and what its host made of its decorators (or null). */
    public record Func(PySyntax.FuncDef def, Scope closure, Object decoration) {
    }

    public static List<Object> list(Object... items) {
        return new ArrayList<>(List.of(items));
    }
}
