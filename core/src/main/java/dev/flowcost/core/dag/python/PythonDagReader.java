package dev.flowcost.core.dag.python;

import dev.flowcost.core.dag.DagReadResult;
import java.util.List;

/** Reads Airflow DAGs from Python source without executing it. (Placeholder until the reader lands.) */
public final class PythonDagReader {
    /** Reads every DAG defined in {@code source}; {@code file} names it in diagnostics. Never throws on bad input. */
    public DagReadResult read(String file, String source) {
        return new DagReadResult(List.of(), List.of());
    }
}
