package dev.flowcost.core.workload;

/** Standard or Express: a state machine's type is set when it is created, not in its definition. */
public enum WorkflowType {
    STANDARD, EXPRESS
}
