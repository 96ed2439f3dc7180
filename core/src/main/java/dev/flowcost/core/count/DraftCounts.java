package dev.flowcost.core.count;

import dev.flowcost.core.convert.ConversionResult;
import dev.flowcost.core.simulate.ExactResult;
import dev.flowcost.core.workload.WorkflowWorkload;

/**
 * A DAG's converted state machine draft, the workload it inherits from the DAG's tasks, and its exact counts: what
 * its Step Functions alternative is priced from.
 *
 * @param conversion the draft and its conversion notes
 * @param workload   the draft's workload (see {@link DraftWorkload})
 * @param exact      the exact analysis of the draft under that workload
 */
public record DraftCounts(ConversionResult conversion, WorkflowWorkload workload, ExactResult exact) {
}
