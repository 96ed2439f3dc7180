package dev.flowcost.core.simulate;

import dev.flowcost.core.Diagnostic;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expected counts for one execution of a state machine, as the exact analyzer computes them. Everything the bill
 * counts is here (Standard transitions of the parent, Standard and Express child executions), plus the per-state
 * breakdown and every default the analyzer had to assume.
 *
 * @param transitionsPerExecution  Standard-billable transitions of the parent execution: states, retries, inline
 *                                 iterations, Map/Parallel states and one per distributed child started
 * @param states                   per state path, expected counts per parent execution
 * @param standardChildExecutions  STANDARD child executions started by Distributed Maps, per parent execution
 * @param standardChildTransitions transitions inside those STANDARD children, per parent execution
 * @param expressChildren          EXPRESS children per Distributed Map
 * @param expectedDurationSeconds  approximate expected duration of one execution: states in sequence are summed, a
 *                                 Parallel lasts as long as its longest branch mean, a Map as
 *                                 ceil(items / concurrency) × the mean iteration time
 * @param successProbability       probability the execution ends successfully
 * @param defaultsUsed             every value the workload did not give and the analyzer assumed
 * @param diagnostics              problems found (an ERROR means the numbers are not meaningful)
 */
public record ExactResult(double transitionsPerExecution, Map<String, StateCount> states,
                          double standardChildExecutions, double standardChildTransitions,
                          List<ExpressChildGroup> expressChildren, double expectedDurationSeconds,
                          double successProbability, List<String> defaultsUsed, List<Diagnostic> diagnostics) {

    public ExactResult {
        states = Collections.unmodifiableMap(new LinkedHashMap<>(states));
        expressChildren = List.copyOf(expressChildren);
        defaultsUsed = List.copyOf(defaultsUsed);
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** Expected EXPRESS child executions over every Distributed Map, per parent execution. */
    public double expressChildExecutions() {
        return expressChildren.stream().mapToDouble(ExpressChildGroup::executions).sum();
    }
}
