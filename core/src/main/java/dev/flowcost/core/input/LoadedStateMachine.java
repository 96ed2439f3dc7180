package dev.flowcost.core.input;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowcost.core.asl.StateMachine;
import dev.flowcost.core.workload.WorkflowType;
import java.util.Optional;

/**
 * A state machine read from a file, with what pricing needs beyond the model: its name (the file stem, as the
 * workload keys it), the type its file declared, the size of its definition (Express memory estimate) and the
 * definition itself (advice edits it, so a proposed change keeps every field the model leaves out).
 */
public record LoadedStateMachine(String name, String file, StateMachine machine, Optional<WorkflowType> declaredType,
                                 long definitionBytes, Optional<JsonNode> definition) {

    public LoadedStateMachine {
        definition = definition == null ? Optional.empty() : definition;
    }

    public LoadedStateMachine(String name, String file, StateMachine machine, Optional<WorkflowType> declaredType,
                              long definitionBytes) {
        this(name, file, machine, declaredType, definitionBytes, Optional.empty());
    }
}
