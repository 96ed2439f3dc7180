package dev.flowcost.core.dag;

import dev.flowcost.core.Diagnostic;
import java.nio.file.Path;
import java.util.List;

/**
 * What reading a set of DAG inputs (files and directories, any format) gave: the DAGs, every diagnostic, and the
 * files whose content was read, so a report can say what it looked at.
 */
public record DagInputResult(List<Dag> dags, List<Diagnostic> diagnostics, List<Path> filesRead) {
    public DagInputResult {
        dags = List.copyOf(dags);
        diagnostics = List.copyOf(diagnostics);
        filesRead = List.copyOf(filesRead);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
