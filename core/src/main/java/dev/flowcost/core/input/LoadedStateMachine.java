package dev.flowcost.core.input;

import dev.flowcost.core.asl.StateMachine;
import dev.flowcost.core.workload.WorkflowType;
import java.util.Optional;

/**
 * A state machine read from a file, with what pricing needs beyond the model: its name (the file stem, as the
 * workload keys it), the type its file declared, and the size of its definition (Express memory estimate).
 */
public record LoadedStateMachine(String name, String file, StateMachine machine, Optional<WorkflowType> declaredType,
                                 long definitionBytes) {
}
