package dev.flowcost.core.workload;

import dev.flowcost.core.Diagnostic;
import java.util.List;
import java.util.Optional;

/**
 * What the workload reader made of one file: the workload when the file had no errors, and every diagnostic
 * (parse errors, bad values, unknown keys) with its JSON Pointer and line.
 */
public record WorkloadReadResult(Optional<Workload> workload, List<Diagnostic> diagnostics) {
    public WorkloadReadResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
