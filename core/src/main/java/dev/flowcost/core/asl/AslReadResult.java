package dev.flowcost.core.asl;

import com.fasterxml.jackson.databind.JsonNode;
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
 * @param definition   the definition the machine was built from (the States Language object, unwrapped from its
 *                     template, intrinsics read as placeholders), present with the machine: advice writes its changes
 *                     as edits of this tree, so nothing the model leaves out (Parameters, ResultSelector...) is lost.
 *                     Callers must not modify it.
 * @param referencedFile the real path of the file a template's DefinitionUri named, when the machine was read from it
 */
public record AslReadResult(String file, Optional<StateMachine> machine, List<Diagnostic> diagnostics,
                            Optional<WorkflowType> declaredType, Optional<JsonNode> definition,
                            Optional<java.nio.file.Path> referencedFile) {
    public AslReadResult {
        diagnostics = List.copyOf(diagnostics);
        declaredType = declaredType == null ? Optional.empty() : declaredType;
        definition = definition == null ? Optional.empty() : definition;
        referencedFile = referencedFile == null ? Optional.empty() : referencedFile;
    }

    public AslReadResult(String file, Optional<StateMachine> machine, List<Diagnostic> diagnostics,
                         Optional<WorkflowType> declaredType) {
        this(file, machine, diagnostics, declaredType, Optional.empty(), Optional.empty());
    }

    public AslReadResult(String file, Optional<StateMachine> machine, List<Diagnostic> diagnostics) {
        this(file, machine, diagnostics, Optional.empty());
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
