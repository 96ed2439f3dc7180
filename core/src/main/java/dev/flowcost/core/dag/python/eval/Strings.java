package dev.flowcost.core.dag.python.eval;

import dev.flowcost.core.dag.python.eval.PyValues.PyList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Python's str methods, {@code str.format}, format specs and {@code %} formatting over known values. */
final class Strings {

    private Strings() {
    }

    /** {@code s.name(...)} for the str methods DAG files use; null when the result is not known. */
    static Object method(String s, String name, List<Object> pos, Map<String, Object> kw) {
        String a0 = !pos.isEmpty() && pos.get(0) instanceof String x ? x : null;
        String a1 = pos.size() > 1 && pos.get(1) instanceof String x ? x : null;
        switch (name) {
            case "replace" -> {
                if (a0 == null || a1 == null || a0.isEmpty()
                        || (long) s.length() / a0.length() * a1.length() + s.length() > Evaluator.MAX_STRING) {
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
                while (parts.size() < Evaluator.MAX_LIST) {
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
                        String x = Operators.str(l.items().get(i));
                        if (x == null) {
                            return null;
                        }
                        if (i > 0) {
                            b.append(s);
                        }
                        b.append(x);
                        if (b.length() > Evaluator.MAX_STRING) {
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
            if (b.length() > Evaluator.MAX_STRING) {
                return null;
            }
        }
        return b.toString();
    }

    /** str(v) with a small subset of format specs (width, zero padding, d/s); null when v is not known. */
    static String format(Object v, String spec) {
        String s = Operators.str(v);
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

    /** {@code "x_%s_%d" % args} for %s, %d, %i, %r and %%; null when an argument is unknown. */
    static Object percent(String fmt, Object args) {
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
            String s = Operators.str(values.get(k++));
            if (s == null || b.length() + s.length() > Evaluator.MAX_STRING) {
                return null;
            }
            b.append(s);
        }
        return b.toString();
    }
}
