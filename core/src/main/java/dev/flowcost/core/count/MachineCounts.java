package dev.flowcost.core.count;

import dev.flowcost.core.simulate.ExactResult;
import dev.flowcost.core.simulate.TailShare;

import java.util.Map;

/**
 * What a state machine's bill and its time limits rest on: the exact expected counts (transitions, Lambda
 * invocations, Express children...) and the simulated duration tails, of the whole execution and of one iteration
 * of each Map's item processor run on its own.
 *
 * @param exact      the exact analysis
 * @param executions simulated execution durations (empty when the machine has errors or was not simulated)
 * @param iterations simulated durations of one iteration per Map path
 * @param simulated  executions simulated for the tails (0 when not simulated)
 * @param seed       the seed the tails were simulated with
 */
public record MachineCounts(ExactResult exact, TailShare executions, Map<String, TailShare> iterations,
                            long simulated, long seed) {

    public MachineCounts {
        iterations = Map.copyOf(iterations);
    }
}
