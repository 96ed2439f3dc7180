package dev.flowcost.core.dag.python.eval;

import dev.flowcost.core.dag.python.syntax.PySyntax;
import java.util.LinkedHashMap;
import java.util.Map;

/** An instance of a {@link UserClass}: its own attributes ({@code self.x = ...}) over its class's members. */
public final class Instance implements PyObject {
    final UserClass cls;
    final Map<String, Object> attrs = new LinkedHashMap<>();

    Instance(UserClass cls) {
        this.cls = cls;
    }

    @Override
    public Object attribute(String name, PySyntax.Expr whole) {
        if (attrs.containsKey(name)) {
            return attrs.get(name);
        }
        return member(this, cls.members, name, whole);
    }

    /** A class member read through an instance or the class: a method is bound, an attribute is its value. */
    static Object member(Object self, Map<String, Object> members, String name, PySyntax.Expr whole) {
        Object member = members.get(name);
        return member instanceof PyValues.Func ? new PyValues.Bound(self, name)
                : member != null || members.containsKey(name) ? member : new PyValues.Unknown(PySyntax.show(whole));
    }

    @Override
    public Object callMethod(String name, Args args, Evaluator ev) {
        return ev.callMember(this, cls, name, args);
    }

    @Override
    public void setAttribute(String name, Object v) {
        attrs.put(name, v);
    }
}
