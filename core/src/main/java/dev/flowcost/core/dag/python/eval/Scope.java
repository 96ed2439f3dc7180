package dev.flowcost.core.dag.python.eval;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A name → value scope; function scopes point at the scope they close over. */
public final class Scope {
    public final Map<String, Object> vars = new LinkedHashMap<>();
    final Scope parent;
    final Set<String> globals = new HashSet<>();

    public Scope(Scope parent) {
        this.parent = parent;
    }

    /** The value bound to a name here or in an enclosing scope; null when unbound (or bound to null). */
    public Object lookup(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            Object v = s.vars.get(name);
            if (v != null || s.vars.containsKey(name)) {
                return v;
            }
        }
        return null;
    }

    /** Whether the name is bound here or in an enclosing scope. */
    public boolean has(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            if (s.vars.containsKey(name)) {
                return true;
            }
        }
        return false;
    }

    public void set(String name, Object value) {
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
