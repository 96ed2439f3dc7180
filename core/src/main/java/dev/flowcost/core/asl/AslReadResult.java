package dev.flowcost.core.asl;

import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.workload.WorkflowType;
import java.util.List;
import java.util.Optional;

/**
 * What the ASL reader made of one file: the machine, when the file was well-formed enough to build one, and
 * every diagnostic (parse errors with line:column, validation findings with JSON Pointers).
 *
 * @param declaredType the workflow type when the file says it (a {@code describe-state-machine} output's "type",
 *                     a template's StateMachineType); empty for a bare definition, whose type is set elsewhere
 */
public record AslReadResult(String file, Optional<StateMachine> machine, List<Diagnostic> diagnostics,
                            Optional<WorkflowType> declaredType) {
    public AslReadResult {
        diagnostics = List.copyOf(diagnostics);
        declaredType = declaredType == null ? Optional.empty() : declaredType;
    }

    public AslReadResult(String file, Optional<StateMachine> machine, List<Diagnostic> diagnostics) {
        this(file, machine, diagnostics, Optional.empty());
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
