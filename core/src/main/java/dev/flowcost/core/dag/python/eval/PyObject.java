package dev.flowcost.core.dag.python.eval;

import dev.flowcost.core.dag.python.syntax.PySyntax;

/**
 * A value that answers its own attributes and methods, so the evaluator dispatches on the value rather than
 * switching over every kind it knows. The defaults are Python's "not known statically": an attribute is a method
 * bound to the value, a method call is unknown, truth and text are unknown.
 */
public interface PyObject {

    /** {@code value.name}. */
    default Object attribute(String name, PySyntax.Expr whole) {
        return new PyValues.Bound(this, name);
    }

    /** {@code value.name(...)}. */
    default Object callMethod(String name, Args args, Evaluator ev) {
        return args.unknown();
    }

    /** {@code value.name = v}: ignored unless the value keeps attributes. */
    default void setAttribute(String name, Object v) {
    }

    /** {@code value[...]} when the value stands for itself under any index; null lets the evaluator decide. */
    default Object subscript(boolean slice) {
        return null;
    }

    /** Python truthiness; null when not known. */
    default Boolean truth() {
        return null;
    }

    /** Python's {@code str()}; null when not known. */
    default String str() {
        return null;
    }

    /** The text a diagnostic or a DAG argument shows for the value; null for the generic form. */
    default String repr() {
        return null;
    }
}
