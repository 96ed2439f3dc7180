package dev.flowcost.core.simulate.dag;

import dev.flowcost.core.Diagnostic;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What simulating a DAG's runs found: the counts the MWAA bill and sizing depend on (task instances, worker-slot
 * seconds, concurrency) and how long and how reliably a run ends.
 *
 * @param runs                   runs simulated
 * @param meanTaskInstances      task instances per run, retries and mapped instances included, skipped tasks not
 * @param meanMakespanSeconds    mean time from a run's start to its last task ending
 * @param p95MakespanSeconds     95th percentile of that time
 * @param peakConcurrentTasks    most tasks holding worker slots at once in any run
 * @param meanSlotSeconds        worker-slot seconds per run
 * @param successProbability     share of runs that ended success (no leaf failed or upstream_failed)
 * @param perTask                per task id, in definition order
 * @param defaultsUsed           every default the simulation assumed, one line each
 * @param diagnostics            problems with the DAG or workload met on the way
 * @param firstRunSchedule       every attempt of the first run, in start order
 */
public record DagRunResult(int runs, double meanTaskInstances, double meanMakespanSeconds, double p95MakespanSeconds,
                           int peakConcurrentTasks, double meanSlotSeconds, double successProbability,
                           Map<String, TaskRunStats> perTask, List<String> defaultsUsed, List<Diagnostic> diagnostics,
                           List<TaskAttempt> firstRunSchedule) {

    public DagRunResult {
        perTask = Collections.unmodifiableMap(new LinkedHashMap<>(perTask));
        defaultsUsed = List.copyOf(defaultsUsed);
        diagnostics = List.copyOf(diagnostics);
        firstRunSchedule = List.copyOf(firstRunSchedule);
    }
}
