package dev.flowcost.core.dag.python.eval;

import dev.flowcost.core.dag.python.syntax.PySyntax;
import java.util.List;
import java.util.Map;

/** The evaluated arguments of one call, with the call they came from (its line, its text for an unknown result). */
public record Args(List<Object> pos, Map<String, Object> kw, PySyntax.Call call) {

    /** The i-th positional argument, or null. */
    public Object at(int i) {
        return i < pos.size() ? pos.get(i) : null;
    }

    public int line() {
        return call.line();
    }

    /** What a call whose result is not known evaluates to: its own text. */
    public PyValues.Unknown unknown() {
        return new PyValues.Unknown(PySyntax.show(call));
    }

    /** The same call with other positional arguments (a method call with self bound first). */
    public Args withPositional(List<Object> other) {
        return new Args(other, kw, call);
    }
}
