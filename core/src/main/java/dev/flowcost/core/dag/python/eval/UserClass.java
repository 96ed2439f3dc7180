package dev.flowcost.core.dag.python.eval;

import dev.flowcost.core.dag.python.syntax.PySyntax;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A plain class defined in the file (a DAG builder, a config holder; not an operator subclass): its methods and
 * class attributes, so that code building DAGs through it can run. Identity, not content, makes two equal.
 */
public final class UserClass implements PyObject {
    final String name;
    final Map<String, Object> members = new LinkedHashMap<>();

    UserClass(String name) {
        this.name = name;
    }

    @Override
    public Object attribute(String attr, PySyntax.Expr whole) {
        return Instance.member(this, members, attr, whole);
    }

    @Override
    public Object callMethod(String method, Args args, Evaluator ev) {
        return ev.callMember(this, this, method, args);
    }

    @Override
    public void setAttribute(String attr, Object v) {
        members.put(attr, v);
    }
}
