package dev.flowcost.core.dag.python;

import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.python.airflow.AirflowHost;
import dev.flowcost.core.dag.python.airflow.DagModel;
import dev.flowcost.core.dag.python.airflow.DagModelAssembler;
import dev.flowcost.core.dag.python.eval.Budget;
import dev.flowcost.core.dag.python.eval.Evaluator;
import dev.flowcost.core.dag.python.eval.Reporter;
import dev.flowcost.core.dag.python.syntax.PySyntax.Stmt;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Interprets a parsed DAG file: the Python {@link Evaluator} walks it with Airflow ({@link AirflowHost}) answering
 * the names and calls Python alone does not know, into a {@link DagModel} that {@link DagModelAssembler} turns into
 * {@link Dag} records. Nothing outside the file is run; loops and steps are bounded per DAG and for module-level code.
 */
final class DagInterpreter {

    /** Loop iterations each DAG (and module-level code) may take. */
    static final int MAX_LOOP_ITERATIONS = Budget.MAX_LOOP_ITERATIONS;

    private DagInterpreter() {
    }

    /** The DAGs {@code module} (the syntax of {@code file}) defines; what cannot be read goes to {@code diags}. */
    static List<Dag> read(String file, String fileStem, List<Stmt> module, List<Diagnostic> diags) {
        Reporter report = new Reporter(file, diags);
        DagModel model = new DagModel(report, fileStem);
        Map<String, Object> names = new LinkedHashMap<>();
        names.put("__file__", file);
        // the module name Airflow's DAG file processor gives a file it loads
        names.put("__name__", "unusual_prefix_" + fileStem);
        Evaluator evaluator = new Evaluator(report, names, ev -> new AirflowHost(ev, model));
        evaluator.run(module);
        return new DagModelAssembler(file, diags).assemble(model);
    }
}
