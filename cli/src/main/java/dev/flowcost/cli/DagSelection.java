package dev.flowcost.cli;

import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.DagInputReader;
import dev.flowcost.core.dag.DagInputResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Reads one DAG file and picks the DAG a command works on: the one named by {@code --dag}, or the only one. */
final class DagSelection {
    private DagSelection() {
    }

    static Dag select(Path file, String dagId, PrintWriter err) {
        return select(file, dagId, false, err);
    }

    /**
     * As {@link #select(Path, String, PrintWriter)}; with {@code errorsStop}, an error in the file (a cycle, a syntax
     * error) is an input error instead of a warning, for commands whose numbers would be wrong on a broken DAG.
     */
    static Dag select(Path file, String dagId, boolean errorsStop, PrintWriter err) {
        DagInputResult read = new DagInputReader().read(List.of(file));
        read.diagnostics().stream().filter(d -> !d.isError()).forEach(d -> err.println(d.render()));
        if (read.dags().isEmpty()) {
            String why = read.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::render)
                    .collect(Collectors.joining(System.lineSeparator()));
            throw new InputException(why.isEmpty() ? file + ": no DAG found" : why);
        }
        if (errorsStop && read.diagnostics().stream().anyMatch(Diagnostic::isError)) {
            throw new InputException(read.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::render)
                    .collect(Collectors.joining(System.lineSeparator())));
        }
        read.diagnostics().stream().filter(Diagnostic::isError).forEach(d -> err.println(d.render()));
        if (dagId != null) {
            return read.dags().stream().filter(d -> d.dagId().equals(dagId)).findFirst()
                    .orElseThrow(() -> new InputException(file + ": no DAG with id '" + dagId + "' (found: "
                            + read.dags().stream().map(Dag::dagId).collect(Collectors.joining(", ")) + ")"));
        }
        if (read.dags().size() > 1) {
            throw new InputException(file + " defines " + read.dags().size() + " DAGs ("
                    + read.dags().stream().map(Dag::dagId).collect(Collectors.joining(", ")) + "): choose one with --dag ID");
        }
        return read.dags().get(0);
    }
}
