package dev.flowcost.core.simulate.dag;

/**
 * What one task costs a DAG run on average: the task instances it adds to the count (attempts, retries and mapped
 * instances; skipped and upstream_failed tasks add none) and the worker-slot seconds it holds.
 *
 * @param expectedInstances   mean task instances per run
 * @param expectedSlotSeconds mean worker-slot seconds per run
 * @param runProbability      share of runs in which it ran at least one attempt
 * @param skipProbability     share of runs in which it was skipped
 */
public record TaskRunStats(double expectedInstances, double expectedSlotSeconds, double runProbability,
                           double skipProbability) {
}
