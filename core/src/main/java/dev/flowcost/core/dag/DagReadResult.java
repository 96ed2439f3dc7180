package dev.flowcost.core.dag;

import dev.flowcost.core.Diagnostic;
import java.util.List;

/** What a DAG reader found in one input: the DAGs it could read and the diagnostics it raised on the way. */
public record DagReadResult(List<Dag> dags, List<Diagnostic> diagnostics) {
    public DagReadResult {
        dags = List.copyOf(dags);
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
