package dev.flowcost.advisor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowcost.core.asl.StateMachine;
import dev.flowcost.core.workload.WorkflowType;

import java.util.Objects;
import java.util.Optional;

/**
 * One state machine already read by the caller: the advisor never reads workflow files itself, so the CLI (or a
 * library user) hands it the parsed machine with the facts a definition alone cannot give.
 *
 * @param name            workflow name (file stem), the key of its workload entry
 * @param file            the file it came from, for reports
 * @param machine         the parsed definition
 * @param declaredType    STANDARD or EXPRESS when the source declared it (SAM/CDK/CloudFormation)
 * @param definitionBytes size of the definition in bytes (drives the Express memory estimate)
 * @param definition      the definition as read ({@link dev.flowcost.core.asl.AslReadResult#definition()}): changes
 *                        are written as edits of it; when absent, of the model written back out (which keeps no
 *                        Parameters, ResultSelector or OutputPath)
 */
public record StateMachineInput(String name, String file, StateMachine machine, Optional<WorkflowType> declaredType,
                                long definitionBytes, Optional<JsonNode> definition) {
    public StateMachineInput {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(machine, "machine");
        file = file == null ? "" : file;
        declaredType = declaredType == null ? Optional.empty() : declaredType;
        definitionBytes = Math.max(0, definitionBytes);
        definition = definition == null ? Optional.empty() : definition;
    }

    public StateMachineInput(String name, String file, StateMachine machine, Optional<WorkflowType> declaredType,
                             long definitionBytes) {
        this(name, file, machine, declaredType, definitionBytes, Optional.empty());
    }
}
