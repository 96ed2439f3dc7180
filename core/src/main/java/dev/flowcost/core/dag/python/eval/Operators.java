package dev.flowcost.core.dag.python.eval;

import dev.flowcost.core.dag.python.eval.PyValues.Duration;
import dev.flowcost.core.dag.python.eval.PyValues.Func;
import dev.flowcost.core.dag.python.eval.PyValues.ClassRef;
import dev.flowcost.core.dag.python.eval.PyValues.PyDict;
import dev.flowcost.core.dag.python.eval.PyValues.PyList;
import dev.flowcost.core.dag.python.eval.PyValues.PyRange;
import dev.flowcost.core.dag.python.eval.PyValues.Unknown;
import dev.flowcost.core.dag.python.syntax.PySyntax;
import dev.flowcost.core.dag.python.syntax.PySyntax.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * Python's operators, truthiness and {@code str()} over known values, as pure functions: whatever is not known gives
 * an {@link Unknown} (or null) instead of a guess. Results are bounded in size ({@link Evaluator#MAX_STRING},
 * {@link Evaluator#MAX_LIST}).
 */
public final class Operators {

    private Operators() {
    }

    /** {@code l op r} by Python's rules for the built-in types. */
    static Object binary(String op, Object l, Object r, Expr whole) {
        switch (op) {
            case ">>" -> {
                if (l instanceof Long a && r instanceof Long b && b >= 0 && b < 64) {
                    return a >> b;
                }
                return new Unknown(">>");
            }
            case "==", "is" -> {
                return known(l) && known(r) ? (Object) pyEquals(l, r) : new Unknown(PySyntax.show(whole));
            }
            case "!=", "is not" -> {
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
                case "+" -> a.length() + b.length() > Evaluator.MAX_STRING ? new Unknown("<long string>") : a + b;
                case "<" -> a.compareTo(b) < 0;
                case ">" -> a.compareTo(b) > 0;
                case "<=" -> a.compareTo(b) <= 0;
                case ">=" -> a.compareTo(b) >= 0;
                case "%" -> Strings.percent(a, new PyList(List.of(b), true));
                default -> new Unknown(PySyntax.show(whole));
            };
        }
        if (l instanceof String a && op.equals("%")) {
            Object res = Strings.percent(a, r);
            return res == null ? new Unknown(PySyntax.show(whole)) : res;
        }
        if (l instanceof String a && r instanceof Long n && op.equals("*")) {
            return n > Evaluator.MAX_STRING || n * a.length() > Evaluator.MAX_STRING ? new Unknown("<long string>")
                    : a.repeat((int) Math.max(0, n));
        }
        return containerOrDuration(op, l, r, whole);
    }

    private static Object containerOrDuration(String op, Object l, Object r, Expr whole) {
        if (l instanceof PyList a && r instanceof PyList b && op.equals("+")) {
            List<Object> items = new ArrayList<>(a.items());
            items.addAll(b.items());
            return items.size() > Evaluator.MAX_LIST ? new Unknown("<long list>") : new PyList(items, a.tuple());
        }
        if (l instanceof PyList a && r instanceof Long n && op.equals("*")) {
            if (n > Evaluator.MAX_LIST || n * a.items().size() > Evaluator.MAX_LIST) {
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
        return new Unknown(PySyntax.show(whole));
    }

    /** Whether a value can key a dict here: scalars and tuples of scalars (never a structure that could nest deeply). */
    public static boolean hashable(Object k) {
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

    /** A scalar whose value is known: str, int, float, bool or None. */
    public static boolean known(Object v) {
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
                case "**" -> pow(a, b);
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

    private static Object pow(long a, long b) {
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

    /** Python's str() of a known value; null when unknown. */
    public static String str(Object v) {
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
        if (v instanceof PyObject o) {
            return o.str();
        }
        return null;
    }

    /** Python truthiness of a known value; null when unknown. */
    public static Boolean truth(Object v) {
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
        if (v instanceof Func || v instanceof ClassRef) {
            return true;
        }
        if (v instanceof PyObject o) {
            return o.truth();
        }
        return null;
    }
}
