package dev.flowcost.core.dag.python.eval;

import static dev.flowcost.core.dag.python.eval.PyValues.list;

import dev.flowcost.core.dag.python.eval.PyValues.PyDict;
import dev.flowcost.core.dag.python.eval.PyValues.PyList;
import dev.flowcost.core.dag.python.eval.PyValues.PyRange;
import dev.flowcost.core.dag.python.eval.PyValues.Unknown;
import dev.flowcost.core.dag.python.syntax.PySyntax;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The built-in functions and the few standard-library helpers ({@code os.path}, {@code os.getenv}) DAG files use to
 * compute names, over known values; anything else is unknown.
 */
final class Builtins {

    /** The names bound in every module before its first line. */
    static final List<String> NAMES = List.of("range", "len", "list", "dict", "str", "int", "float", "bool", "tuple",
            "set", "enumerate", "zip", "sorted", "reversed", "globals", "print", "min", "max", "sum", "isinstance",
            "Path", "getattr");

    private Builtins() {
    }

    /** {@code name(...)} for the built-in functions the evaluator models; unknown for the others. */
    static Object call(String name, Args a) {
        List<Object> pos = a.pos();
        Map<String, Object> kw = a.kw();
        PySyntax.Call c = a.call();
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
                if (a0 instanceof PyRange r && r.size() > Evaluator.MAX_LIST) {
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
                String s = a0 == null ? "" : Operators.str(a0);
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
                Boolean t = Operators.truth(a0);
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
            default -> {
                return new Unknown(PySyntax.show(c));
            }
        }
    }

    private static Object enumerateOrZip(String name, List<Object> pos, PySyntax.Call c) {
        List<List<Object>> cols = new ArrayList<>();
        for (Object p : name.equals("enumerate") ? pos.subList(0, Math.min(1, pos.size())) : pos) {
            if (p instanceof PyRange r && r.size() > Evaluator.MAX_LIST) {
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
                out.add(new PyList(list(start + i, cols.get(0).get(i)), true));
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

    /** An iterator over a known iterable (list, tuple, set, dict keys, str, range); null when not known. */
    static Iterator<Object> iterate(Object v) {
        if (v instanceof PyList l) {
            return new ArrayList<>(l.items()).iterator();
        }
        if (v instanceof PyDict d) {
            return new ArrayList<>(d.map().keySet()).iterator();
        }
        if (v instanceof String s) {
            List<Object> chars = new ArrayList<>();
            for (int i = 0; i < s.length() && i < Evaluator.MAX_LIST; i++) {
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

    /** {@code os.path.basename(...)} and the like; null when {@code full} names no modelled function. */
    static Object moduleFunction(String full, Args a, Evaluator ev) {
        List<Object> pos = a.pos();
        if (full.equals("os.path.basename") && !pos.isEmpty() && pos.get(0) instanceof String s) {
            return basename(s);
        }
        if (full.equals("os.path.splitext") && !pos.isEmpty() && pos.get(0) instanceof String s) {
            int d = s.lastIndexOf('.');
            return d > basename(s).length() - s.length() + s.length() - basename(s).length() && d > 0
                    ? new PyList(list(s.substring(0, d), s.substring(d)), true)
                    : new PyList(list(s, ""), true);
        }
        if (full.equals("os.getenv") || full.equals("os.environ.get")) {
            return ev.setting("environment variable", pos, a.kw().get("default"), a.call());
        }
        if (full.equals("os.path.dirname") && !pos.isEmpty() && pos.get(0) instanceof String s) {
            int slash = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
            return slash >= 0 ? s.substring(0, slash) : "";
        }
        return null;
    }

    static String basename(String s) {
        int slash = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
        return slash >= 0 ? s.substring(slash + 1) : s;
    }
}
