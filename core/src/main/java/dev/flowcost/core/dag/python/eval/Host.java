package dev.flowcost.core.dag.python.eval;

import dev.flowcost.core.dag.python.syntax.PySyntax;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the evaluator asks about names and calls it does not know: the library the file is written against (here
 * Airflow). The evaluator knows Python; the host knows what the library's classes, decorators and operators build.
 */
public interface Host {

    /** An import names this module. */
    void imported(String module);

    /** What a {@code def} binds when its decorators mean something to the host; null for a plain function. */
    Object define(PySyntax.FuncDef def, Scope scope);

    /** A with-item's value is entered; returns what leaves it again, or null. */
    Runnable enter(Object value);

    /** Runs a with-block's body once its items were entered; null when the body was cut short by a budget. */
    <T> T withBody(List<Object> values, int line, Supplier<T> body);

    /**
     * A call of a value the evaluator cannot call itself (a function the host defined, an imported class or module
     * function, a name not known); null when the host does not know it either.
     */
    Object call(Object callee, Args args);

    /** {@code self.name(...)} on a value that does not answer its own methods; null when not known. */
    Object callMethod(Object self, String name, Args args);

    /** Names that, read on an imported class, are methods called later rather than nested classes. */
    boolean isClassMethod(String name);

    /** A binary operator the host gives a meaning (a dependency arrow); null leaves it to Python's rules. */
    Object operator(String op, Object left, Object right, int line, PySyntax.Expr whole);

    /** A budget ran out at a line: the host says what may be missing. */
    void budgetSpent(Budget budget, Budget.Kind kind, int line);

    /** The whole module was walked. */
    void finished();
}
