package dev.flowcost.core.asl;

import dev.flowcost.core.Diagnostic;
import java.util.List;
import java.util.Optional;

/**
 * What the ASL reader made of one file: the machine, when the file was well-formed enough to build one, and
 * every diagnostic (parse errors with line:column, validation findings with JSON Pointers).
 */
public record AslReadResult(String file, Optional<StateMachine> machine, List<Diagnostic> diagnostics) {
    public AslReadResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
