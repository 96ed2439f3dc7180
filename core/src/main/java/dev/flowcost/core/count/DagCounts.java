package dev.flowcost.core.count;

import dev.flowcost.core.simulate.dag.DagRunResult;

import java.util.Optional;

/**
 * What a DAG's migration advice rests on: its simulated runs on its environment's workers and its converted draft.
 *
 * @param run          simulated runs (task instances, slot-seconds, success, per task)
 * @param draft        the converted state machine with its own workload and exact counts, when it could be made
 * @param draftFailure why the draft could not be made (the advice then says so)
 */
public record DagCounts(DagRunResult run, Optional<DraftCounts> draft, Optional<String> draftFailure) {
}
